package sandbox

import (
	"context"
	"database/sql"
	"fmt"
)

// memberPhones are the mobile numbers on the records of demo members who
// have no online account yet (members with one get their account's number
// in schemaV2): registration sends its SMS code to this number only.
var memberPhones = map[string]string{
	"5171044407950004": "081337001122", // Dewi Lestari
}

// seedPhones fills the phone on record for memberPhones, in new and in
// migrated databases.
func seedPhones(ctx context.Context, tx *sql.Tx) error {
	for nik, phone := range memberPhones {
		if _, err := tx.ExecContext(ctx, `UPDATE members SET phone = ? WHERE nik = ? AND phone IS NULL`, phone, nik); err != nil {
			return fmt.Errorf("seed phone on record: %w", err)
		}
	}
	return nil
}
