package access

// OpenDuringEnrollment are the root fields a session held to enrolling in
// two-factor sign-in may use (its role requires TOTP and the account has
// none yet): what it takes to enroll, to see who one is, to change one's
// password and to leave. Everything else is refused with
// TOTP_ENROLLMENT_REQUIRED until the account enrolls.
var OpenDuringEnrollment = map[string]bool{
	"Query.viewer":                   true,
	"Mutation.beginTotpEnrollment":   true,
	"Mutation.confirmTotpEnrollment": true,
	"Mutation.changePassword":        true,
	"Mutation.signIn":                true,
	"Mutation.signOut":               true,
}
