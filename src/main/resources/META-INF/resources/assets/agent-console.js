// The agent's desk during a live call: 热线百科 search as the agent types, the caller's earlier tickets, live
// repeat candidates the agent links or dismisses, intake and one-click dispatch. Calls go through ConsoleApi
// (console-api.js): session cookie, CSRF header, text-only elements.
(function () {
  'use strict';

  var SEARCH_DELAY_MS = 200;
  var PHONE_DELAY_MS = 350;
  var CANDIDATE_DELAY_MS = 600;
  var STATUS = { NEW: '待派单', ANSWERED: '已在通话中答复', DISPATCHED: '已派单', ACCEPTED: '已签收', REPLIED: '已答复',
    CLOSED: '已办结', RETURNED: '已退单', REOPENED: '重办' };

  var call = ConsoleApi.call;
  var el = ConsoleApi.el;
  var form = byId('intake');
  var formErrors = ConsoleApi.errors(form, byId('intake-error'));
  var kbBox = byId('kb-q');
  var phone = byId('phone');
  var content = byId('content');
  var answered = [];
  // The agent's decisions on repeat candidates: the earlier ticket this call repeats, and those it does not.
  var linked = null;
  var dismissed = [];
  var shownCandidates = [];
  var departments = {};
  document.querySelectorAll('#department-names li').forEach(function (li) {
    departments[li.dataset.code] = li.textContent;
  });

  // ---- 热线百科 search ----
  var searchRun = latest(function (signal) {
    var q = kbBox.value.trim();
    if (!q) {
      byId('kb-results').replaceChildren();
      say('kb-status', '');
      return null;
    }
    return call('GET', '/api/kb/search?limit=6&q=' + encodeURIComponent(q), null, signal).then(function (r) {
      if (!r.ok) {
        say('kb-status', r.body && r.body.detail ? r.body.detail : '查询失败，请稍后重试。');
        return;
      }
      showHits(r.body);
    });
  });
  typing(kbBox, SEARCH_DELAY_MS, searchRun);
  // Enter in the search box searches at once, here on the desk rather than on the public pages.
  kbBox.form.addEventListener('submit', function (event) {
    event.preventDefault();
    searchRun();
  });

  function showHits(result) {
    var list = byId('kb-results');
    list.replaceChildren();
    say('kb-status', result.total ? '找到 ' + result.total + ' 条' : '没有找到相关条目，可换个说法。');
    result.hits.forEach(function (hit) {
      var item = el('li', 'hit');
      var title = el('a', null, hit.title);
      title.href = '/entries/' + encodeURIComponent(hit.id);
      title.target = '_blank';
      title.rel = 'noopener';
      var head = el('h3');
      head.appendChild(title);
      item.appendChild(head);
      var facts = el('p', 'facts', hit.departmentName + ' · ' + hit.category);
      if (hit.stale) {
        facts.appendChild(el('span', 'stale', '⚠ 已过复核期，答复前请核实'));
      } else {
        facts.appendChild(el('span', 'fresh', '✓ 在复核期内'));
      }
      item.appendChild(facts);
      var snippet = el('p', 'snippet');
      appendSnippet(snippet, hit.snippet);
      item.appendChild(snippet);
      var use = el('button', 'use', '用此条目答复');
      use.type = 'button';
      use.addEventListener('click', function () { useEntry(hit); });
      item.appendChild(use);
      list.appendChild(item);
    });
  }

  // The API escapes the snippet and marks matches with <em>; only text and <em> are taken from it.
  function appendSnippet(parent, html) {
    var body = new DOMParser().parseFromString('<body>' + html, 'text/html').body;
    body.childNodes.forEach(function (node) {
      if (node.nodeName === 'EM') {
        parent.appendChild(el('em', null, node.textContent));
      } else {
        parent.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function useEntry(hit) {
    if (answered.some(function (a) { return a.id === hit.id; })) {
      return;
    }
    answered.push({ id: hit.id, title: hit.title });
    byId('type').value = 'INQUIRY';
    typeChanged();
    showAnswered();
  }

  function showAnswered() {
    var list = byId('answered-list');
    list.replaceChildren();
    answered.forEach(function (a, i) {
      var item = el('li', null, a.title + ' ');
      var drop = el('button', 'link', '移除');
      drop.type = 'button';
      drop.addEventListener('click', function () { answered.splice(i, 1); showAnswered(); });
      item.appendChild(drop);
      list.appendChild(item);
    });
    byId('answered').hidden = answered.length === 0;
  }

  // ---- The caller's earlier tickets ----
  var historyRun = latest(function (signal) {
    var number = phone.value.trim();
    var box = byId('history');
    formErrors.field('callerPhone', '');
    if (number.replace(/\D/g, '').length < 7) {
      box.replaceChildren();
      return null;
    }
    // The number goes in the body: in a URL it would reach access logs and browser history.
    return call('POST', '/api/callers/tickets', { phone: number }, signal).then(function (r) {
      box.replaceChildren();
      if (!r.ok) {
        formErrors.field('callerPhone', r.body && r.body.detail ? r.body.detail : '无法查询该号码的历史工单。');
        return;
      }
      box.appendChild(el('p', 'history-title', r.body.length ? '该来电人此前的工单（' + r.body.length + ' 件）：'
        : '该来电人此前没有工单。'));
      var list = el('ul', 'history-list');
      r.body.slice(0, 10).forEach(function (t) {
        var item = el('li');
        item.appendChild(el('span', 'number', t.number));
        item.appendChild(el('span', 'status', STATUS[t.status] || t.status));
        item.appendChild(el('span', 'preview', t.contentPreview));
        list.appendChild(item);
      });
      box.appendChild(list);
    });
  });
  typing(phone, PHONE_DELAY_MS, historyRun);

  // ---- Repeat candidates while the call is typed ----
  var candidateRun = latest(function (signal) {
    var draft = intakeBody();
    if (!draft.content || !draft.callerPhone) {
      shownCandidates = [];
      showCandidates();
      return null;
    }
    return call('POST', '/api/tickets/repeat-candidates', draft, signal).then(function (r) {
      // A half-typed call is often not yet valid: validation is shown on submit, not while typing.
      var found = r.ok ? r.body : [];
      // The same answer again must not rebuild the list under the agent's focus.
      if (JSON.stringify(found) !== JSON.stringify(shownCandidates)) {
        shownCandidates = found;
        showCandidates();
      }
    });
  });
  ['phone', 'type', 'district', 'address', 'content'].forEach(function (id) {
    typing(byId(id), CANDIDATE_DELAY_MS, candidateRun);
  });
  byId('type').addEventListener('change', typeChanged);

  // ---- Suggested departments while the call is typed; dispatch itself follows the recording ----
  var shownSuggestions = '';
  var suggestionRun = latest(function (signal) {
    var text = content.value.trim();
    if (!text || byId('type').value === 'INQUIRY') {
      showSuggestions([]);
      return null;
    }
    return call('POST', '/api/tickets/department-suggestions', { content: text }, signal).then(function (r) {
      showSuggestions(r.ok ? r.body : []);
    });
  });
  typing(content, CANDIDATE_DELAY_MS, suggestionRun);
  byId('type').addEventListener('change', suggestionRun);

  function showSuggestions(found) {
    var key = JSON.stringify(found);
    if (key === shownSuggestions) {
      return;
    }
    shownSuggestions = key;
    var box = byId('suggestions');
    box.replaceChildren();
    if (!found.length) {
      return;
    }
    box.appendChild(el('p', 'suggest-title', '推荐承办单位（提交后一键派单）：'));
    var list = el('ol', 'suggestions-list');
    found.forEach(function (s) {
      var item = el('li', 'suggestion');
      item.appendChild(el('strong', null, departments[s.code] || s.code));
      item.appendChild(el('span', 'reasons', s.reasons.join('；')));
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function showCandidates() {
    var box = byId('candidates');
    var focused = box.contains(document.activeElement) ? document.activeElement : null;
    var refocus = focused && { id: focused.closest('li').dataset.ticketId, className: focused.className };
    box.replaceChildren();
    var open = shownCandidates.filter(function (c) { return !isDismissed(c.ticketId); });
    if (!open.length) {
      return;
    }
    box.appendChild(el('p', 'candidates-title', '可能是重复件（确认是同一问题则关联，不是则排除）：'));
    var list = el('ul');
    open.forEach(function (c) {
      var isLinked = linked && linked.ticketId === c.ticketId;
      var item = el('li', 'candidate' + (c.likely ? ' likely' : '') + (isLinked ? ' linked' : ''));
      item.dataset.ticketId = c.ticketId;
      item.appendChild(el('span', 'number', c.number));
      item.appendChild(el('span', 'status', STATUS[c.status] || c.status));
      item.appendChild(el('span', 'preview', c.contentPreview));
      item.appendChild(el('span', 'reasons', (c.likely ? '很可能重复：' : '') + c.reasons.join('；')));
      var actions = el('span', 'candidate-actions');
      if (isLinked) {
        actions.appendChild(el('span', 'linked-mark', '✓ 已关联为原件'));
      } else {
        actions.appendChild(button('link-repeat', '是同一问题，关联', '将本次来电关联为工单 ' + c.number + ' 的重复件',
          function () { link(c); }));
      }
      actions.appendChild(button('dismiss-repeat', '不是同一问题', '排除工单 ' + c.number,
        function () { dismiss(c); }));
      item.appendChild(actions);
      list.appendChild(item);
    });
    box.appendChild(list);
    if (refocus) {
      var again = box.querySelector('li[data-ticket-id="' + refocus.id + '"] button.' + refocus.className);
      (again || box.querySelector('button') || content).focus();
    }
  }

  function link(candidate) {
    linked = candidate;
    dismissed = dismissed.filter(function (d) { return d.ticketId !== candidate.ticketId; });
    showDecisions();
    byId('submit').focus();
  }

  function dismiss(candidate) {
    if (linked && linked.ticketId === candidate.ticketId) {
      linked = null;
    }
    dismissed.push(candidate);
    showDecisions();
    var next = byId('candidates').querySelector('button');
    (next || byId('submit')).focus();
  }

  function showDecisions() {
    byId('repeat-link').hidden = !linked;
    byId('repeat-link-text').textContent = linked
      ? '本次来电将作为重复件关联到工单 ' + linked.number + '（' + linked.contentPreview + '）' : '';
    byId('dismissed').hidden = dismissed.length === 0;
    byId('dismissed-text').textContent = dismissed.length
      ? '已排除，不是同一问题：' + dismissed.map(function (d) { return d.number; }).join('、') : '';
    formErrors.field('repeatOf', '');
    formErrors.field('notRepeatOf', '');
    showCandidates();
  }

  byId('repeat-unlink').addEventListener('click', function () {
    linked = null;
    showDecisions();
    var first = byId('candidates').querySelector('button');
    (first || content).focus();
  });
  byId('dismissed-undo').addEventListener('click', function () {
    dismissed = [];
    showDecisions();
    var first = byId('candidates').querySelector('button');
    (first || content).focus();
  });

  // An inquiry is never a repeat (the API refuses repeatOf on one): decisions made for a complaint are dropped.
  function typeChanged() {
    if (byId('type').value === 'INQUIRY' && (linked || dismissed.length)) {
      linked = null;
      dismissed = [];
      showDecisions();
    }
  }

  function isDismissed(id) {
    return dismissed.some(function (d) { return d.ticketId === id; });
  }

  function button(className, text, label, onClick) {
    var b = el('button', className, text);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  // ---- Intake ----
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });
  content.addEventListener('keydown', function (event) {
    // Enter records the call, as in the other fields; Shift+Enter keeps a line break in the complaint.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });

  var submitting = false;

  function submit() {
    if (submitting) {
      return;
    }
    submitting = true;
    formErrors.clear();
    byId('submit').disabled = true;
    // One key per recorded call: a retried request after a timeout cannot record it twice.
    var key = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    call('POST', '/api/tickets', intakeBody(), null, { 'Idempotency-Key': key }).then(function (r) {
      if (r.status === 201) {
        showResult(r.body);
        form.reset();
        answered = [];
        showAnswered();
        linked = null;
        dismissed = [];
        shownCandidates = [];
        showDecisions();
        showSuggestions([]);
        byId('history').replaceChildren();
      } else {
        formErrors.show(r);
      }
    }).finally(function () {
      submitting = false;
      byId('submit').disabled = false;
    });
  }

  function intakeBody() {
    var body = {
      callerPhone: phone.value.trim(),
      type: byId('type').value,
      channel: 'PHONE',
      district: byId('district').value || null,
      address: byId('address').value.trim() || null,
      content: content.value.trim()
    };
    if (body.type === 'INQUIRY' && answered.length) {
      body.answeredWith = answered.map(function (a) { return a.id; });
    }
    if (body.type !== 'INQUIRY') {
      body.repeatOf = linked ? linked.ticketId : null;
      body.notRepeatOf = dismissed.map(function (d) { return d.ticketId; });
    }
    return body;
  }

  function showResult(ticket) {
    var box = byId('result');
    box.replaceChildren();
    var head = el('h3', null, '已受理 ' + ticket.number);
    box.appendChild(head);
    box.appendChild(el('p', 'ticket-status', STATUS[ticket.status] || ticket.status));
    if (ticket.status === 'ANSWERED' && ticket.answeredWith && ticket.answeredWith.length) {
      box.appendChild(el('p', 'answered-with', '通话中已答复，所用条目：' + ticket.answeredWith.join('、')));
    }
    box.appendChild(el('p', 'content', ticket.content));
    if (ticket.repeat) {
      box.appendChild(el('p', 'repeat', '重复件：与工单 ' + numberOf(ticket.repeat.of) + ' 为同一问题（'
        + ticket.repeat.reasons.join('；') + '）'));
    }
    if (ticket.status === 'NEW') {
      showDispatch(ticket, ticket.suggestedDepartments || [], box);
    }
    box.focus();
  }

  // One click sends a suggested department as the lead; the form below picks any lead, co-handlers and a note.
  function showDispatch(ticket, suggestions, box) {
    var form = byId('dispatch-template').content.firstElementChild.cloneNode(true);
    var choice = ConsoleApi.departmentChoice(form);
    var problems = ConsoleApi.errors(form, form.querySelector('.form-error'));
    if (suggestions.length) {
      box.appendChild(el('p', 'suggest-title', '推荐承办单位：'));
      var list = el('ul', 'suggestions-list');
      suggestions.forEach(function (s) {
        var item = el('li', 'suggestion');
        var name = departments[s.code] || s.code;
        item.appendChild(el('strong', null, name));
        item.appendChild(el('span', 'reasons', s.reasons.join('；')));
        var send = el('button', 'dispatch', '派单给' + name);
        send.type = 'button';
        send.dataset.code = s.code;
        send.addEventListener('click', function () { dispatch(ticket, { lead: s.code }, problems, box); });
        item.appendChild(send);
        list.appendChild(item);
      });
      box.appendChild(list);
      choice.set(suggestions[0].code);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      problems.clear();
      if (!choice.lead()) {
        problems.field('lead', '请选择主办单位。');
        return;
      }
      dispatch(ticket, { lead: choice.lead(), co: choice.co(), note: form.elements.note.value.trim() || null },
        problems, box);
    });
    box.appendChild(form);
  }

  function numberOf(id) {
    var known = (linked ? [linked] : []).concat(shownCandidates).filter(function (c) { return c.ticketId === id; });
    return known.length ? known[0].number : '#' + id;
  }

  function dispatch(ticket, body, problems, box) {
    var buttons = box.querySelectorAll('button.dispatch');
    buttons.forEach(function (b) { b.disabled = true; });
    call('POST', '/api/tickets/' + ticket.id + '/dispatch', body).then(function (r) {
      var note = box.querySelector('.dispatch-result') || box.appendChild(el('p', 'dispatch-result'));
      if (r.ok) {
        var co = (body.co || []).map(function (c) { return departments[c] || c; });
        note.textContent = '已派单至' + (departments[body.lead] || body.lead) + (co.length ? '，协办：' + co.join('、') : '')
          + '（' + (STATUS[r.body.status] || r.body.status) + '）';
        note.className = 'dispatch-result done';
        box.querySelector('.dispatch-form').remove();
      } else {
        note.textContent = '';
        note.className = 'dispatch-result';
        problems.show(r);
        buttons.forEach(function (b) { b.disabled = false; });
      }
    });
  }

  // ---- Keyboard: Alt+1/2/3 jump between the places an agent types in, Alt+4/5 to the decisions ----
  ConsoleApi.shortcuts({
    Digit1: function () { kbBox.focus(); },
    Digit2: function () { phone.focus(); },
    Digit3: function () { content.focus(); },
    Digit4: function () { focusFirst('#candidates button'); },
    Digit5: function () { focusFirst('#result button.dispatch:not(:disabled)'); },
    Digit0: function () { window.location.href = byId('callbacks-tab').href; }
  });

  function focusFirst(selector) {
    var target = document.querySelector(selector);
    if (target) {
      target.focus();
    }
  }

  // ---- Plumbing ----
  // Runs the newest request only: an older answer arriving late must not overwrite a newer one.
  function latest(run) {
    var pending = null;
    return function () {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      var started = run(pending.signal);
      if (started) {
        started.catch(function () { /* aborted by a newer keystroke */ });
      }
    };
  }

  function typing(input, delay, run) {
    var timer = null;
    function later(event) {
      // Half-typed pinyin inside an input method is not yet what the agent means.
      if (event && event.isComposing) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    }
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', later);
    input.addEventListener('compositionend', function () { later(); });
  }

  function say(id, text) {
    byId(id).textContent = text;
  }

  function byId(id) {
    return document.getElementById(id);
  }
}());
