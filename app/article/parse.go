package article

import "errors"

// Parse is being written; this placeholder keeps dependants compiling.
func Parse(src []byte) (*Document, error) { return nil, errors.New("article: parser not written yet") }
