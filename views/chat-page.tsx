// GET / — the conversation: past turns, the empty state with example questions, and the question form.
// The form posts to /ask: htmx appends the returned turn; without JavaScript a full page comes back.
import type { Child } from 'hono/jsx';
import { ALL_DOCUMENTS, type PickerOption } from '../src/chat/scope-picker.js';
import { MAX_QUESTION_CHARS } from '../src/limits.js';
import { ExampleList } from './example-list.js';
import { Layout } from './layout.js';
import { AddedNotice, UploadForm, type UploadState } from './upload-form.js';

export function HistoryInputs(props: { history: string[] }) {
  return (
    <>
      {props.history.map((q) => (
        <input type="hidden" name="h" value={q} />
      ))}
    </>
  );
}

export function ChatPage(props: {
  turns: Child[];
  history: string[];
  examples: string[];
  documents: number;
  /** The 范围 field's suggestions and the label it shows now. */
  scopes: PickerOption[];
  scope: string;
  error?: string;
  /** Present when documents can be added (ADMIN_TOKEN is set). */
  upload?: UploadState;
}) {
  const { turns, history, examples, documents } = props;
  return (
    <Layout title="寻源 · 中文文档问答" scripts>
      <div class="chat">
        <h1 class="visually-hidden">寻源 · 对话</h1>
        {/* Screen readers hear the answer sentence from here (the page's script fills it), not the whole card. */}
        <p id="announcer" class="visually-hidden" aria-live="polite"></p>
        <section id="conversation" class="conversation" aria-label="对话记录">
          {turns}
        </section>
        <section class="empty-state" aria-labelledby="intro-title">
          {props.upload?.added ? <AddedNotice doc={props.upload.added} duplicate={props.upload.duplicate} /> : ''}
          <h2 id="intro-title" class="intro-title">问问这些文档</h2>
          <p>
            用中文提问，寻源会在{documents}篇文档里找出回答问题的那一句话，并列出出处；点“查看原文”可以跳到原文段落。可以接着追问，比如先问“……投资多少？”再问“那……呢？”。
          </p>
          {examples.length > 0 ? (
            <>
              <h3>试试这些问题</h3>
              <ExampleList examples={examples} />
            </>
          ) : (
            ''
          )}
          {/* Filled from this browser's storage by the page's script; without script there is nothing kept. */}
          <section id="saved-conversations" class="saved-conversations" aria-labelledby="saved-title" hidden>
            <h3 id="saved-title">最近的对话</h3>
            <ul></ul>
            <button type="button" class="clear-saved">
              清除这些记录
            </button>
          </section>
          {props.upload ? <UploadForm error={props.upload.error} /> : ''}
        </section>
        <form
          id="ask-form"
          class="composer"
          method="post"
          action="/ask"
          hx-post="/ask"
          hx-target="#conversation"
          hx-swap="beforeend"
          hx-sync="#conversation:drop"
          hx-disable="find button"
        >
          <div id="history">
            <HistoryInputs history={history} />
          </div>
          {props.error ? (
            <p class="form-error" role="alert">
              {props.error}
            </p>
          ) : (
            ''
          )}
          <label for="question" class="visually-hidden">
            你的问题
          </label>
          <textarea
            id="question"
            name="question"
            rows={2}
            maxlength={MAX_QUESTION_CHARS}
            required
            placeholder="输入问题"
            aria-describedby="composer-help"
          ></textarea>
          <div class="composer-row">
            <label for="scope">范围</label>
            <input id="scope" name="scope" list="scope-options" value={props.scope} placeholder={ALL_DOCUMENTS} autocomplete="off" aria-describedby="scope-help" />
            <datalist id="scope-options">
              {props.scopes.map((o) => (
                <option value={o.value} label={o.note}></option>
              ))}
            </datalist>
            <a class="new-chat" href="/">
              新对话
            </a>
            <button type="submit">提问</button>
          </div>
          {/* The page's script says "按 Enter 发送" where Enter sends: with a keyboard, not on a phone, not without script. */}
          <p id="composer-help" class="visually-hidden">
            点“提问”发送。
          </p>
          <p id="scope-help" class="visually-hidden">
            输入文档标题或“文件夹：”加文件夹名可只在其中查找，清空或选“全部文档”在全部文档中查找。
          </p>
        </form>
      </div>
    </Layout>
  );
}
