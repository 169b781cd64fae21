package keystore

import "testing"

// TestItemNames_AreTheStoredOnes pins every item name to the bytes members'
// keyrings hold today: a renamed item would silently lose remembered
// logins, key copies and the keys waiting for a password.
func TestItemNames_AreTheStoredOnes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, got, want string }{
		{"AccountInstallation", AccountInstallation, "installation"},
		{"PurposeRemembered", PurposeRemembered, "remembered-identifier"},
		{"PurposeRefreshToken", PurposeRefreshToken, "refresh-token"},
		{"PurposeAccountKey", PurposeAccountKey, "cache-account-key"},
		{"PurposePendingKeys", PurposePendingKeys, "cache-pending-keys"},
		{"PurposeLegacyDataKey", PurposeLegacyDataKey, "cache-data-key"},
		{"AccountKeyItem", AccountKeyItem("demo", " Budi@Contoh.ID "), "demo:budi@contoh.id"},
		{"AccountKeyItem/number", AccountKeyItem("production", "19023456789"), "production:19023456789"},
		{"itemUser", itemUser(AccountKeyItem("demo", "budi@contoh.id"), PurposeAccountKey), "cache-account-key:demo:budi@contoh.id"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q (the name stored in members' keyrings)", c.name, c.got, c.want)
		}
	}
}
