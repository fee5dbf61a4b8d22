// The chat page's behaviour beyond what htmx does: Enter sends (Shift+Enter and an open IME
// composition do not, nor does Enter on a phone's keyboard, where it starts a new line), a "searching"
// placeholder while a request runs, each new answer scrolled into view with the cursor back in the
// question box and its answer sentence read out, the copy buttons (answer, source, link), and the
// conversations kept in this browser with a list to reopen them. Text is set with textContent only.
'use strict';

const motion = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

(() => {
  // Copy buttons work wherever they are (answers come in later by htmx): shown only with script.
  const showCopyButtons = () => document.querySelectorAll('.copy-answer[hidden]').forEach((b) => (b.hidden = false));
  showCopyButtons();
  document.addEventListener('htmx:after:swap', showCopyButtons);
  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('.copy-answer') : null;
    if (!button) return;
    const text = `${button.dataset.copy}\n${new URL(button.dataset.href, location.href).href}`;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = '已复制';
    } catch {
      button.textContent = '复制失败：请手动选择文字';
    }
    setTimeout(() => (button.textContent = '复制答案和出处'), 2000);
  });

  const form = document.getElementById('ask-form');
  const box = document.getElementById('question');
  const conversation = document.getElementById('conversation');
  if (!form || !box || !conversation) return;

  // The question box is fixed over the bottom of the page: whatever gets focus below its top edge
  // (a link reached with Tab) is scrolled up clear of it.
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof Element) || form.contains(target)) return;
    const hiddenBy = target.getBoundingClientRect().bottom - form.getBoundingClientRect().top + 12;
    if (hiddenBy > 0) window.scrollBy({ top: hiddenBy, behavior: 'instant' });
  });

  const enterSends = matchMedia('(pointer: fine)').matches;
  if (enterSends) {
    box.placeholder = '输入问题，按 Enter 发送，Shift+Enter 换行';
    document.getElementById('composer-help').textContent = '按 Enter 发送，Shift+Enter 换行。';
  }

  box.addEventListener('keydown', (event) => {
    if (!enterSends || event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    if (box.value.trim() !== '') form.requestSubmit();
  });

  let pending = null;

  function showPending(question) {
    pending = document.createElement('article');
    pending.className = 'turn pending';
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = question;
    const card = document.createElement('section');
    card.className = 'card searching';
    card.setAttribute('aria-busy', 'true');
    card.textContent = '正在文档中查找…';
    pending.append(bubble, card);
    conversation.append(pending);
    pending.scrollIntoView({ block: 'end', behavior: motion() });
  }

  function clearPending() {
    pending?.remove();
    pending = null;
  }

  document.addEventListener('htmx:before:request', (event) => {
    const source = event.target;
    if (!(source instanceof HTMLFormElement)) return;
    const field = source.elements.namedItem('question');
    showPending(field && 'value' in field ? field.value.trim() : '');
  });

  document.addEventListener('htmx:before:swap', clearPending);

  document.addEventListener('htmx:after:swap', (event) => {
    if (event.detail?.ctx?.target !== conversation) return;
    box.value = '';
    const last = conversation.lastElementChild;
    if (last) last.scrollIntoView({ block: 'start', behavior: motion() });
    box.focus({ preventScroll: true });
    announce(last);
    keepConversation();
  });

  // What a screen reader hears of a new turn: the answer sentence, or what was found instead.
  const announcer = document.getElementById('announcer');
  function announce(turn) {
    if (!announcer || !turn) return;
    const quote = turn.querySelector('.answer-quote');
    const said = quote ? `答：${quote.textContent.trim()}` : (turn.querySelector('.nothing, .overview-lead, .card')?.textContent ?? '').trim();
    announcer.textContent = said;
  }

  // Conversations kept in this browser (localStorage): each is its page's address, which holds its
  // questions, under the first question as its title.
  const STORE = 'xunyuan:conversations';
  const KEPT = 30;
  const saved = () => {
    try {
      const list = JSON.parse(localStorage.getItem(STORE) ?? '[]');
      return Array.isArray(list) ? list.filter((c) => c && typeof c.url === 'string' && typeof c.title === 'string') : [];
    } catch {
      return [];
    }
  };
  const store = (list) => {
    try {
      localStorage.setItem(STORE, JSON.stringify(list.slice(0, KEPT)));
    } catch {
      // Storage full or turned off: the conversation still works, it is just not kept.
    }
  };
  const here = () => location.pathname + location.search;
  let current = new URLSearchParams(location.search).has('h') ? saved().find((c) => c.url === here())?.id : undefined;

  function keepConversation() {
    const questions = [...document.querySelectorAll('#history input[name="h"]')].map((i) => i.value);
    if (questions.length === 0) return;
    const params = new URLSearchParams();
    for (const q of questions) params.append('h', q);
    const scope = form.elements.namedItem('scope');
    if (scope && scope.value.trim() && scope.value.trim() !== '全部文档') params.set('scope', scope.value.trim());
    current ??= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const entry = { id: current, title: questions[0], turns: questions.length, url: `/?${params}`, updated: Date.now() };
    store([entry, ...saved().filter((c) => c.id !== current)]);
  }

  const list = document.getElementById('saved-conversations');
  if (list) {
    const items = list.querySelector('ul');
    const fill = () => {
      const kept = saved();
      items.replaceChildren(
        ...kept.map((c) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = c.url;
          a.textContent = c.title;
          const when = document.createElement('span');
          when.className = 'saved-when';
          when.textContent = ` · ${Number(c.turns) || 1} 问 · ${new Date(c.updated).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' })}`;
          li.append(a, when);
          return li;
        }),
      );
      list.hidden = kept.length === 0;
    };
    list.querySelector('button').addEventListener('click', () => {
      store([]);
      fill();
    });
    fill();
  }

  document.addEventListener('htmx:error', () => {
    if (!pending) return;
    const card = pending.querySelector('.card');
    card.classList.remove('searching');
    card.classList.add('error');
    card.removeAttribute('aria-busy');
    card.setAttribute('role', 'alert');
    card.textContent = '请求没有完成：服务器可能已停止或网络中断，请稍后再试。';
    pending = null;
  });
})();

// The source view's "back to the conversation": going back keeps the conversation as it was when the
// citation was opened from it; opened any other way, the link leads to a new conversation.
(() => {
  const back = document.querySelector('a[data-back]');
  if (!back || !document.referrer) return;
  const from = new URL(document.referrer);
  if (from.origin !== location.origin || from.pathname !== '/') return;
  back.addEventListener('click', (event) => {
    event.preventDefault();
    history.back();
  });
})();

// Adding documents: files dropped anywhere on the page go into the upload form (opened, the token box
// focused), and the admin token typed once is kept for this visit (sessionStorage, gone with the tab).
(() => {
  const upload = document.querySelector('.add-document');
  const files = document.getElementById('upload-file');
  const token = document.getElementById('upload-token');
  if (!upload || !files || !token) return;
  const TOKEN = 'xunyuan.admin-token';
  try {
    token.value = sessionStorage.getItem(TOKEN) ?? '';
  } catch {
    // Storage turned off: the token is asked each time, as without script.
  }
  upload.querySelector('form').addEventListener('submit', () => {
    try {
      sessionStorage.setItem(TOKEN, token.value);
    } catch {
      // As above.
    }
  });
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    document.body.classList.add('dropping');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('dropping');
  });
  document.addEventListener('drop', (event) => {
    document.body.classList.remove('dropping');
    if (!carriesFiles(event)) return;
    event.preventDefault();
    files.files = event.dataTransfer.files;
    upload.open = true;
    (token.value ? upload.querySelector('button[type=submit]') : token).focus();
  });
})();

// A page following work under way (`data-reload-every` on main: the loading page, upload jobs): fetched
// again on that beat; its new content is swapped in while the work goes on, and once a fetch shows it
// done (no more beat, or another page altogether) the page reloads for real.
(() => {
  const main = document.querySelector('main[data-reload-every]');
  if (!main) return;
  const every = Number(main.dataset.reloadEvery) || 3000;
  const tick = async () => {
    try {
      const res = await fetch(location.href, { headers: { accept: 'text/html' } });
      const next = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('main[data-reload-every]');
      if (!next) {
        location.reload();
        return;
      }
      main.replaceChildren(...next.childNodes);
    } catch {
      // The server may be restarting: try again on the next beat.
    }
    setTimeout(tick, every);
  };
  setTimeout(tick, every);
})();
