package cite

type searchIndex struct{}

func newSearchIndex(s []Source) *searchIndex { return &searchIndex{} }
