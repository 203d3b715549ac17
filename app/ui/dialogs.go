package ui

// picked is what every file or folder dialog's callback asks first: a
// dialog that failed is reported (as what, with what to do), a cancelled
// one (nil) does nothing; only a real choice goes on.
func picked[T any](choice T, err error, report func(what string, err error), what string) bool {
	if err != nil {
		report(what, err)
		return false
	}
	return any(choice) != nil
}
