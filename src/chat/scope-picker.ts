// The page's 范围 field: one text box with the folders and documents as suggestions (a datalist, so
// typing filters them and it works without script). What a person sees and types is a readable label
// (全部文档, 文件夹：laws, a document's title); this file turns it into a scope and back.
import type { AnswerEngine } from '../engine/answer-engine.js';
import { foldersOf, isScopeError, type Scope } from '../engine/scope.js';

export const ALL_DOCUMENTS = '全部文档';
const FOLDER_MARK = '文件夹：';

/** Suggestions shown: every folder, then documents up to this many (any title can still be typed). */
export const MAX_SUGGESTED_DOCUMENTS = 1000;

export interface PickerOption {
  value: string;
  /** What the suggestion says beside its value. */
  note: string;
}

export const folderLabel = (folder: string) => `${FOLDER_MARK}${folder}`;

export function pickerOptions(engine: AnswerEngine): PickerOption[] {
  const documents = engine.documents();
  return [
    { value: ALL_DOCUMENTS, note: `${documents.length} 篇` },
    ...foldersOf(documents).map((f) => ({ value: folderLabel(f.folder), note: `${f.documents} 篇` })),
    ...documents.slice(0, MAX_SUGGESTED_DOCUMENTS).map((d) => ({ value: d.title, note: d.path })),
  ];
}

/**
 * The label the field shows for a scope: empty for everything (its placeholder says 全部文档), since a
 * browser shows only the suggestions matching what the field holds.
 */
export function pickerLabel(engine: AnswerEngine, scope: Scope): string {
  if (scope.docId !== undefined) return engine.summary(scope.docId)?.title ?? '';
  return scope.folder !== undefined ? folderLabel(scope.folder) : '';
}

/**
 * The scope a typed or chosen label names: 全部文档 or nothing is everything; 文件夹：x a folder; a
 * document's title (with or without 《》), its id, or a folder's bare path otherwise. Undefined when
 * the label names nothing known.
 */
export function scopeFromPicker(engine: AnswerEngine, label: string): Scope | undefined {
  const text = label.trim();
  if (text === '' || text === ALL_DOCUMENTS) return {};
  const known = (scope: Scope) => {
    const resolved = engine.scope(scope);
    return resolved !== undefined && !isScopeError(resolved) ? scope : undefined;
  };
  if (text.startsWith(FOLDER_MARK)) return known({ folder: text.slice(FOLDER_MARK.length) });
  const title = text.replace(/^《(.*)》$/, '$1');
  const byTitle = engine.documents().find((d) => d.title === title);
  if (byTitle) return { docId: byTitle.id };
  return (engine.summary(text) ? { docId: text } : undefined) ?? known({ folder: text });
}
