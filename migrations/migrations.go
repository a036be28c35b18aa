// Package migrations embeds the SQL migrations. Files are named
// NNNN_name.up.sql and NNNN_name.down.sql and are applied in order by
// bun's migrator (see server/store).
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
