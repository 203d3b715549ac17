package store

// IsBusy reports whether err came only from another connection or
// process keeping the database busy, past the store's retries (a second
// Glossa, a backup or sync tool in the middle of a write): the window
// says so, and that trying again once that program is done will work.
func IsBusy(err error) bool { return isBusy(err) }
