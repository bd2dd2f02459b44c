// Title suggestions for the 热线百科 search boxes. Progressive enhancement only: every form works without it.
(function () {
  'use strict';

  var DELAY_MS = 150;
  var LIMIT = 8;

  document.querySelectorAll('input[data-suggest]').forEach(enhance);

  function enhance(input) {
    var list = document.createElement('ul');
    var options = [];
    var active = -1;
    var timer = null;
    var pending = null;

    list.id = input.id + '-suggestions';
    list.className = 'suggestions';
    list.hidden = true;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '相关办事指南');
    input.parentNode.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');

    input.addEventListener('input', function (event) {
      // Half-typed pinyin inside an input method is not yet what the caller means.
      if (event.isComposing) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(lookUp, DELAY_MS);
    });
    input.addEventListener('compositionend', function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, DELAY_MS);
    });
    input.addEventListener('keydown', onKey);
    input.addEventListener('blur', close);
    // Keeps focus in the box, so a click on a suggestion is not lost to the blur that would close the list.
    list.addEventListener('mousedown', function (event) { event.preventDefault(); });

    function lookUp() {
      var text = input.value.trim();
      if (pending) {
        pending.abort();
      }
      if (!text) {
        close();
        return;
      }
      pending = new AbortController();
      fetch('/api/kb/suggest?limit=' + LIMIT + '&prefix=' + encodeURIComponent(text),
          { headers: { Accept: 'application/json' }, signal: pending.signal })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          if (input.value.trim() === text) {
            show(suggestions, text);
          }
        })
        .catch(function () { /* aborted or offline: the plain search still works */ });
    }

    function show(suggestions, text) {
      list.replaceChildren();
      options = suggestions.map(function (s, i) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        item.id = list.id + '-' + i;
        item.setAttribute('role', 'option');
        link.href = '/entries/' + encodeURIComponent(s.id);
        link.tabIndex = -1;
        appendMarked(link, s.title, text);
        item.appendChild(link);
        list.appendChild(item);
        return item;
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.hidden = options.length === 0;
      input.setAttribute('aria-expanded', String(options.length > 0));
    }

    function onKey(event) {
      if (list.hidden) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var step = event.key === 'ArrowDown' ? 1 : -1;
        // Positions run -1 (the box itself) to length - 1 and wrap around both ways.
        select((active + 1 + step + options.length + 1) % (options.length + 1) - 1);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].firstChild.href;
      } else if (event.key === 'Escape') {
        close();
      }
    }

    function select(index) {
      options.forEach(function (o, i) { o.setAttribute('aria-selected', String(i === index)); });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
  }

  // Text nodes only: titles come from the knowledge base and are never parsed as HTML.
  function appendMarked(parent, title, text) {
    var at = title.toLowerCase().indexOf(text.toLowerCase());
    if (at < 0) {
      parent.textContent = title;
      return;
    }
    var mark = document.createElement('mark');
    mark.textContent = title.slice(at, at + text.length);
    parent.append(title.slice(0, at), mark, title.slice(at + text.length));
  }
}());
