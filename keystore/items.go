package keystore

import "strings"

// The app's keyring items, every one of them, all under Service. An item is
// an account and a purpose (the keyring's username attribute is
// purpose:account, see itemUser). The names are stored on members'
// computers: a changed name loses what is stored under the old one, so
// items_test.go pins each value. A new item is one constant here (and, if
// its account is built from a member's identifier, one function); no other
// package declares an item name (internal/archtest holds that).
const (
	// AccountInstallation is the account of the items that belong to the
	// installation rather than to one member: PurposeRemembered,
	// PurposePendingKeys and PurposeLegacyDataKey.
	AccountInstallation = "installation"

	// PurposeRemembered, under AccountInstallation: the identifier of the
	// account the app remembers ("remember me").
	PurposeRemembered = "remembered-identifier"

	// PurposeRefreshToken, under the member's identifier as typed at login:
	// the remembered refresh token (service).
	PurposeRefreshToken = "refresh-token"

	// PurposeAccountKey, under AccountKeyItem(profile, identifier): the copy
	// of an account's cache data key that opens a remembered account
	// without its password.
	PurposeAccountKey = "cache-account-key"

	// PurposePendingKeys, under AccountInstallation: the keys of data moved
	// over from cache version 1 that wait for their member's password, one
	// JSON object keyed by AccountKeyItem, in one item so that turning
	// offline data off deletes them without knowing the accounts.
	PurposePendingKeys = "cache-pending-keys"

	// PurposeLegacyDataKey, under AccountInstallation: cache version 1's one
	// data key for the whole installation, read only to move its data over,
	// then deleted.
	PurposeLegacyDataKey = "cache-data-key"
)

// AccountKeyItem is the account of an account's key items (its
// PurposeAccountKey item and its entry in PurposePendingKeys): the server
// profile and the identifier, trimmed and lower-cased, so that one member
// has one item however the identifier was typed.
func AccountKeyItem(profile, identifier string) string {
	return profile + ":" + strings.ToLower(strings.TrimSpace(identifier))
}
