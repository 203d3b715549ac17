package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Keys of settings other packages share. Any other key is fine too.
const (
	SettingReadingPosition = "reader.position" // paragraph ID the reader was at, per article (see settingKey)
	SettingZoom            = "reader.zoom"
	SettingTheme           = "ui.theme"
)

// Setting returns the value stored under key; ok is false when there is
// none.
func (s *Store) Setting(key string) (value string, ok bool, err error) {
	err = s.retry(func() error {
		return s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, s.settingKey(key)).Scan(&value)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: load setting %s: %w", key, err)
	}
	return value, true, nil
}

// SetSetting stores value under key, replacing what was there.
func (s *Store) SetSetting(key, value string) error {
	err := s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			s.settingKey(key), value, toDB(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save setting %s: %w", key, err)
	}
	return nil
}

// DeleteSetting removes key; removing a missing key is not an error.
func (s *Store) DeleteSetting(key string) error {
	err := s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM settings WHERE key = ?`, s.settingKey(key))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete setting %s: %w", key, err)
	}
	return nil
}

// settingKey is where key is kept for the current article. The reading
// position is the current article's: the shipped article keeps the key it
// always had, another article's has its ID appended. Other settings are
// the same for every article.
func (s *Store) settingKey(key string) string {
	if key != SettingReadingPosition {
		return key
	}
	if id := s.current.get(); id != "" && id != s.current.shippedID() {
		return key + "." + id
	}
	return key
}
