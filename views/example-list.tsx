// Clickable example questions. Each is a small form of its own, so it works without JavaScript; with
// htmx it appends its turn to the conversation and carries the conversation's history along.
import type { Scope } from '../src/engine/scope.js';

export function ExampleList(props: { examples: string[]; scope?: Scope }) {
  return (
    <ul class="examples">
      {props.examples.map((q) => (
        <li>
          <form method="post" action="/ask" hx-post="/ask" hx-target="#conversation" hx-swap="beforeend" hx-include="#history" hx-sync="#conversation:drop">
            <input type="hidden" name="question" value={q} />
            {props.scope?.docId ? <input type="hidden" name="docId" value={props.scope.docId} /> : ''}
            {props.scope?.folder ? <input type="hidden" name="folder" value={props.scope.folder} /> : ''}
            <button type="submit" class="example">
              {q}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
