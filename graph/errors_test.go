package graph

import (
	"errors"
	"os"
	"regexp"
	"slices"
	"testing"

	"carejourney/server/domain"
)

// TestUserErrorCodeEnumMatchesDomain keeps the schema's UserErrorCode enum
// and the domain's codes the same set, so no code can fail to marshal.
func TestUserErrorCodeEnumMatchesDomain(t *testing.T) {
	schema, err := os.ReadFile("schema/schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)enum UserErrorCode \{(.*?)\n\}`).FindSubmatch(schema)
	if block == nil {
		t.Fatal("no UserErrorCode enum in schema.graphqls")
	}
	var enum []string
	for _, m := range regexp.MustCompile(`(?m)^\s+([A-Z_]+)\s*$`).FindAllSubmatch(block[1], -1) {
		enum = append(enum, string(m[1]))
	}
	var codes []string
	for _, c := range domain.AllCodes {
		codes = append(codes, string(c))
	}
	slices.Sort(enum)
	slices.Sort(codes)
	if !slices.Equal(enum, codes) {
		t.Errorf("schema enum %v\ndomain codes %v", enum, codes)
	}
}

func TestToUserErrors(t *testing.T) {
	ues, err := toUserErrors(domain.FieldError(domain.CodeSameCareLevel, "careLevelCode", "Already there."))
	if err != nil || len(ues) != 1 || ues[0].Code != domain.CodeSameCareLevel || !slices.Equal(ues[0].Field, []string{"input", "careLevelCode"}) {
		t.Fatalf("toUserErrors = %+v, %v", ues, err)
	}
	internal := errors.New("connection reset")
	if ues, err := toUserErrors(internal); ues != nil || err != internal {
		t.Fatalf("an internal error must stay an error: %v %v", ues, err)
	}
}
