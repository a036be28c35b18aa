// Package auth signs people in: password hashing, session tokens, the
// session cookie and the viewer carried in each request's context.
package auth

import (
	"fmt"

	"github.com/alexedwards/argon2id"
)

// passwordParams follow OWASP's argon2id recommendation (19 MiB, 2
// iterations, 1 lane): slow for an attacker, quick enough for a sign-in.
var passwordParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashPassword returns an argon2id PHC string for password.
func HashPassword(password string) (string, error) {
	hash, err := argon2id.CreateHash(password, passwordParams)
	if err != nil {
		return "", fmt.Errorf("auth: unable to hash password: %w", err)
	}
	return hash, nil
}

// CheckPassword reports whether password matches hash, in constant time.
func CheckPassword(password, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

// dummyHash is compared against when no account matches an email, so that a
// wrong email and a wrong password take the same time.
var dummyHash, _ = HashPassword("no account has this password")
