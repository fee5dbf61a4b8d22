// The chat page's behaviour beyond what htmx does: Enter sends (Shift+Enter and an open IME
// composition do not), a "searching" placeholder while a request runs, each new answer scrolled
// into view with the cursor back in the question box, and the copy buttons (answer, source, link).
// Text is set with textContent only.
'use strict';

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

  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
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
    pending.scrollIntoView({ block: 'end', behavior: 'smooth' });
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
    if (last) last.scrollIntoView({ block: 'start', behavior: 'smooth' });
    box.focus({ preventScroll: true });
  });

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
