package access_test

import (
	"testing"

	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }
