package seed

import (
	"context"
	"fmt"
	"strings"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// DemoKey is a partner key of the demo. Its secret is fixed, like the demo
// passwords, so the printed instructions work; demo databases only.
type DemoKey struct {
	PartnerName string
	Scopes      []domain.Scope
	Secret      string
}

// DemoKeys are the demo's partner tools: a referral site that lists open
// beds and group schedules, and the research partner the demo's partner
// consents name, which reads outcomes and those consented records.
var DemoKeys = []DemoKey{
	{PartnerName: "Sober Living Finder", Scopes: []domain.Scope{domain.ScopeDirectoryRead},
		Secret: auth.KeySecretPrefix + "demo_directory_read_2026"},
	{PartnerName: DemoPartnerName, Scopes: []domain.Scope{domain.ScopeOutcomesRead, domain.ScopeMembersRead},
		Secret: auth.KeySecretPrefix + "demo_outcomes_members_2026"},
}

func seedPartnerKeys(ctx context.Context, st *store.Store, by int64) error {
	for _, k := range DemoKeys {
		prefix := strings.TrimPrefix(k.Secret, auth.KeySecretPrefix)[:8]
		_, err := st.CreateAPIKey(ctx, by, store.NewAPIKey{
			Fields:     domain.APIKeyFields{PartnerName: &k.PartnerName, Scopes: k.Scopes},
			SecretHash: auth.HashToken(k.Secret), SecretPrefix: prefix,
		})
		if err != nil {
			return fmt.Errorf("seed: partner key of %s: %w", k.PartnerName, err)
		}
	}
	return nil
}
