package auth

import (
	"bytes"
	"strings"
	"testing"
)

func TestPasswordHashing(t *testing.T) {
	hash, err := HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, "correct horse") {
		t.Fatalf("hash = %q", hash)
	}
	if !CheckPassword("correct horse battery staple", hash) {
		t.Error("the right password does not match")
	}
	if CheckPassword("correct horse battery stapler", hash) || CheckPassword("", hash) || CheckPassword("x", "not a hash") {
		t.Error("a wrong password matches")
	}
	again, _ := HashPassword("correct horse battery staple")
	if again == hash {
		t.Error("hashes are not salted")
	}
}

func TestTokens(t *testing.T) {
	a, hashA := NewToken()
	b, _ := NewToken()
	if a == b || len(a) != 43 {
		t.Fatalf("tokens %q %q", a, b)
	}
	if !bytes.Equal(HashToken(a), hashA) || len(hashA) != 32 || bytes.Contains(hashA, []byte(a)) {
		t.Fatal("the stored hash does not match the token")
	}
}
