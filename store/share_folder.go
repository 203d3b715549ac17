package store

import (
	"encoding/json"
	"fmt"

	"github.com/glossa-app/glossa/app/share"
)

// DecodeShare is the decoder of a shared folder's files (share.Decoder).
func DecodeShare(data []byte) (*SharedLayer, share.Meta, error) {
	l, err := ParseShare(data)
	if err != nil {
		return nil, share.Meta{}, err
	}
	f := l.File
	return l, share.Meta{Person: f.Person, Machine: f.Machine, Name: f.Name, Article: f.ArticleID,
		Updated: l.Updated, Notes: len(l.Notes), Cards: len(f.Cards), Plans: len(l.Plans), Problems: l.Problems}, nil
}

// ShareFolder is dir as this Glossa subscribes to it: other people's files
// become layers; this person's files from other computers are merged into
// the own notes (MergeOwnShare), the version they replace kept in each
// note's history.
func (s *Store) ShareFolder(dir string) (*share.Folder[*SharedLayer], error) {
	id, err := s.ShareIdentity()
	if err != nil {
		return nil, fmt.Errorf("store: share folder %s: %w", dir, err)
	}
	return &share.Folder[*SharedLayer]{Dir: dir, Person: id.Person, Machine: id.Machine,
		Decode: DecodeShare, MaxBytes: MaxBundleBytes,
		MergeOwn: func(_ string, data []byte) error { _, err := s.MergeOwnShare(data); return err },
	}, nil
}

// SharePublisher publishes the current article's notes, cards and lecture
// plans to dir under this Glossa's identity; plans (nil: the article's
// plans in this store) gives the plans to publish with them. The publisher
// is bound to the article current when it is made: while another article
// is open it publishes nothing new for this one (its notes are not the
// current ones), and the window makes a publisher per article it opens.
func (s *Store) SharePublisher(dir string, plans func() []json.RawMessage) (*share.Publisher, error) {
	id, err := s.ShareIdentity()
	if err != nil {
		return nil, fmt.Errorf("store: share publisher %s: %w", dir, err)
	}
	hash, err := s.CurrentArticle()
	if err != nil {
		return nil, fmt.Errorf("store: share publisher %s: %w", dir, err)
	}
	article := s.articleKey(hash)
	if plans == nil {
		plans = func() []json.RawMessage { return s.sharePlans(article) }
	}
	var last []byte
	return &share.Publisher{Dir: dir, File: share.FileName(id.Person, id.Machine, article),
		Build: func() ([]byte, error) {
			if cur := s.Current(); cur != "" && cur != article {
				if last == nil {
					return nil, fmt.Errorf("store: share %s: article %s is not the one open (%s)", dir, article, cur)
				}
				return last, nil // unchanged bytes: nothing is written
			}
			data, err := s.ShareData(id, plans())
			if err == nil {
				last = data
			}
			return data, err
		}}, nil
}

// sharePlans is the article's lecture plans as a share file carries them;
// a plan that cannot be read or encoded is left out, never the file.
func (s *Store) sharePlans(article string) []json.RawMessage {
	ps, err := s.Plans(article)
	if err != nil {
		return nil
	}
	out := make([]json.RawMessage, 0, len(ps))
	for _, p := range ps {
		if b, err := json.Marshal(p); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// ShareSubscriptions lists the folders subscribed to.
func (s *Store) ShareSubscriptions() ([]string, error) {
	return s.jsonList(SettingShareSubscriptions)
}

// SetShareSubscriptions replaces the folders subscribed to.
func (s *Store) SetShareSubscriptions(dirs []string) error {
	return s.setJSONList(SettingShareSubscriptions, dirs)
}

// ShareHidden lists the person ids whose layer the reader hides.
func (s *Store) ShareHidden() ([]string, error) { return s.jsonList(SettingShareHidden) }

// SetShareHidden replaces the person ids whose layer the reader hides.
func (s *Store) SetShareHidden(persons []string) error {
	return s.setJSONList(SettingShareHidden, persons)
}

func (s *Store) jsonList(key string) ([]string, error) {
	v, ok, err := s.Setting(key)
	if err != nil || !ok {
		return nil, err
	}
	var out []string
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		return nil, fmt.Errorf("store: setting %s: %w", key, err)
	}
	return out, nil
}

func (s *Store) setJSONList(key string, list []string) error {
	if list == nil {
		list = []string{}
	}
	v, _ := json.Marshal(list)
	return s.SetSetting(key, string(v))
}
