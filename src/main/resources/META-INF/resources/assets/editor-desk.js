// The 热线百科 editors' desk: live preview of the entry being edited (rendered by the server exactly as the
// public page renders it), publishing and retiring through the JSON API, and draft dismissal on the desk.
// Same-origin fetch with the session cookie; state-changing calls send the page's CSRF token as a header
// (see web/CsrfGuard). Text from the API or the form is only ever set as text.
(function () {
  'use strict';

  var PREVIEW_DELAY_MS = 300;
  // The API checks what the folder sync checks and names those fields as in the entry files.
  var FIELD_ALIASES = { review_by: 'reviewBy' };

  var call = ConsoleApi.call;
  var el = ConsoleApi.el;
  var byId = ConsoleApi.byId;

  document.querySelectorAll('button.dismiss-draft').forEach(function (button) {
    button.addEventListener('click', function () { dismissDraft(button); });
  });

  var form = byId('entry-form');
  if (form) {
    editor(form);
  }

  function dismissDraft(button) {
    var item = button.closest('.draft');
    var result = item.querySelector('.draft-result');
    button.disabled = true;
    call('POST', '/api/kb/drafts/' + encodeURIComponent(button.dataset.draft) + '/decision', { status: 'DISMISSED' })
      .then(function (r) {
        if (r.ok) {
          item.classList.add('dismissed');
          result.textContent = '已驳回';
          item.querySelectorAll('a.button').forEach(function (a) { a.remove(); });
          button.remove();
        } else {
          result.textContent = problemText(r, '驳回失败，请重试。');
          button.disabled = false;
        }
      });
  }

  function editor(form) {
    var creating = form.dataset.creating === 'true';
    var draftId = form.dataset.draft;
    var timer = null;
    var pending = null;

    form.querySelectorAll('input, select, textarea').forEach(function (input) {
      input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', function (event) {
        // A corrected field loses its old complaint at once; the next publish checks it again.
        fieldError(input.name, '');
        if (event.isComposing) {
          return;
        }
        clearTimeout(timer);
        timer = setTimeout(preview, PREVIEW_DELAY_MS);
      });
      input.addEventListener('compositionend', function () {
        clearTimeout(timer);
        timer = setTimeout(preview, PREVIEW_DELAY_MS);
      });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      publish();
    });
    var retireButton = byId('retire');
    if (retireButton) {
      retireButton.addEventListener('click', retire);
    }
    preview();

    function value(name) {
      return form.elements[name].value.trim();
    }

    function entry() {
      return {
        id: value('id'),
        title: value('title'),
        category: value('category'),
        department: value('department'),
        keywords: value('keywords').split(/[、,，;；\s]+/).filter(function (k) { return k; }),
        body: form.elements.body.value,
        effective: value('effective') || null,
        reviewBy: value('reviewBy') || null,
        version: creating ? null : Number(value('version')),
        note: value('note') || null
      };
    }

    // The facts are set as text here; the body comes back from the server as sanitized HTML.
    function preview() {
      var e = entry();
      byId('preview-heading').textContent = e.title || '（标题）';
      byId('preview-category').textContent = e.category;
      var department = form.elements.department;
      byId('preview-department').textContent = department.value ? department.selectedOptions[0].textContent : '';
      byId('preview-effective').textContent = chineseDate(e.effective);
      byId('preview-review').textContent = chineseDate(e.reviewBy);
      byId('preview-stale').hidden = !(e.reviewBy && e.reviewBy < today());
      var keywords = byId('preview-keywords');
      keywords.replaceChildren();
      e.keywords.forEach(function (k) {
        var link = el('a', null, k);
        link.href = '/search?q=' + encodeURIComponent(k);
        var item = el('li');
        item.appendChild(link);
        keywords.appendChild(item);
      });
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      call('POST', '/api/kb/preview', { body: e.body }, pending.signal).then(function (r) {
        if (r.ok) {
          showBody(r.body.html);
          say('preview-status', '');
        } else {
          say('preview-status', problemText(r, '预览暂时不可用。'));
        }
      }).catch(function () { /* superseded by a newer keystroke */ });
    }

    // Parsed into an inert document and moved over node by node: nothing in it runs, even if the server's
    // escaping ever failed (and the page's CSP refuses inline script as well).
    function showBody(html) {
      var parsed = new DOMParser().parseFromString(html, 'text/html').body;
      var target = byId('preview-body');
      target.replaceChildren();
      while (parsed.firstChild) {
        target.appendChild(document.adoptNode(parsed.firstChild));
      }
    }

    var saving = false;

    function publish() {
      if (saving) {
        return;
      }
      saving = true;
      clearErrors();
      byId('publish').disabled = true;
      var e = entry();
      var request = creating ? call('POST', '/api/kb/entries', e)
        : call('PUT', '/api/kb/entries/' + encodeURIComponent(e.id), e);
      request.then(function (r) {
        if (!r.ok) {
          showErrors(r);
          return null;
        }
        if (creating) {
          return acceptDraft().then(function () {
            window.location.href = '/console/editor/edit?published=true&id=' + encodeURIComponent(r.body.id);
          });
        }
        form.elements.version.value = r.body.version;
        form.elements.note.value = '';
        say('form-notice', '已发布第 ' + r.body.version + ' 版，公众检索已可查到。');
        return null;
      }).finally(function () {
        saving = false;
        byId('publish').disabled = false;
      });
    }

    // The entry now carries the department's answer; the draft leaves the editors' queue.
    function acceptDraft() {
      if (!draftId) {
        return Promise.resolve();
      }
      return call('POST', '/api/kb/drafts/' + encodeURIComponent(draftId) + '/decision', { status: 'PUBLISHED' });
    }

    function retire() {
      if (!window.confirm('下线后公众将查不到此条目，确定下线吗？')) {
        return;
      }
      clearErrors();
      var e = entry();
      call('POST', '/api/kb/entries/' + encodeURIComponent(e.id) + '/retire', { version: e.version, note: e.note })
        .then(function (r) {
          if (r.ok) {
            window.location.reload();
          } else {
            showErrors(r);
          }
        });
    }

    function showErrors(r) {
      var problem = r.body || {};
      if (r.status === 409) {
        byId('conflict-text').textContent = problem.detail || '条目已被他人修改。';
        byId('conflict').hidden = false;
        return;
      }
      var placed = false;
      (problem.errors || []).forEach(function (e) {
        placed = fieldError(FIELD_ALIASES[e.field] || e.field.replace(/\[\d+\]$/, ''), e.message) || placed;
      });
      if (!placed) {
        var general = byId('form-error');
        general.textContent = problemText(r, '发布失败（' + r.status + '），请稍后重试。');
        general.hidden = false;
      }
    }

    function fieldError(field, message) {
      var slot = form.querySelector('[data-error-for="' + field + '"]');
      if (!slot) {
        return false;
      }
      slot.textContent = message;
      form.elements[field].setAttribute('aria-invalid', message ? 'true' : 'false');
      return true;
    }

    function clearErrors() {
      form.querySelectorAll('[data-error-for]').forEach(function (slot) { fieldError(slot.dataset.errorFor, ''); });
      byId('form-error').hidden = true;
      byId('conflict').hidden = true;
      say('form-notice', '');
    }
  }

  // ---- Plumbing ----

  function problemText(r, fallback) {
    return r.body && r.body.detail ? r.body.detail : fallback;
  }

  function chineseDate(iso) {
    if (!iso) {
      return '未注明';
    }
    var p = iso.split('-');
    return Number(p[0]) + '年' + Number(p[1]) + '月' + Number(p[2]) + '日';
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }


  function say(id, text) {
    byId(id).textContent = text;
  }


}());
