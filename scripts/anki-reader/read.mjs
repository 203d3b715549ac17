// Reads an Anki package with the npm package anki-reader (an independent
// reader, not Glossa's code) and prints, as JSON, every deck with its
// cards: id, note id, deck, note type, fields by name, the rendered
// question and answer, and the raw scheduling columns.
//
// usage: node DIR/read.mjs FILE.apkg, where DIR is what
// scripts/anki-reader/install.sh prints (it copies this file there).
import { readFile } from 'node:fs/promises';
import { readAnkiPackage } from 'anki-reader';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read.mjs FILE.apkg');
  process.exit(2);
}
const bytes = await readFile(file);
const { collection } = await readAnkiPackage(new Blob([bytes]));
const decks = [];
for (const [deckId, deck] of Object.entries(collection.getDecks())) {
  const cards = [];
  for (const [cardId, card] of Object.entries(deck.getCards())) {
    const model = card.getModel();
    const raw = card.getRawCard();
    cards.push({
      id: cardId,
      noteId: String(card.getNoteId()),
      deckId: String(card.getDeckId()),
      noteType: model.getName(),
      noteTypeKind: model.getType(),
      fields: card.getFields(),
      questions: card.getQuestions().map((q) => ({ question: q.getQuestionString(), answer: q.getAnswerString() })),
      type: raw.type, queue: raw.queue, due: raw.due, ivl: raw.ivl, reps: raw.reps, lapses: raw.lapses,
      data: raw.data,
    });
  }
  decks.push({ id: deckId, name: deck.getName(), cards });
}
console.log(JSON.stringify({ crt: collection.getCreationTime().getTime(), version: collection.getVersion(), decks }, null, 2));
