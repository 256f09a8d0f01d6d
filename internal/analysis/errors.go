package analysis

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. Handlers map them to HTTP statuses in
// one place; the CLI prints the message.
const (
	EINVALID  = "invalid"   // the input is wrong: empty, binary, malformed
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the input clashes with what is stored
	ETOOLARGE = "too_large" // the input is over a configured limit
	EINTERNAL = "internal"  // our fault; details are logged, not shown
)

// Error is an error with a code and a message that is safe to show a user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err: the *Error's message, or
// a generic one for internal errors, whose details must not leak.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
