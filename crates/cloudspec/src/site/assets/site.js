// The site's one script (the content security policy allows no inline script): renders an
// endpoint's document with Redoc, finishes what Redoc leaves undone for the page's language
// and for assistive technology, keeps the reader's place across the language switch, and
// filters the index. Every page has its content without it, except Redoc's rendering.
(function () {
  "use strict";

  function data(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // The language switch carries the reader's anchor (Redoc's `#operation/...`, `#tag/...`)
  // over to the other language, whose page has the same anchors.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-keep-anchor]");
    if (link && location.hash) {
      link.href = link.href.split("#")[0] + location.hash;
    }
  });

  // The index's filter by provider and state.
  var filter = document.querySelector("form.filter");
  if (filter) {
    var apply = function () {
      var provider = filter.elements.provider.value;
      var state = filter.elements.state.value;
      document.querySelectorAll("table.endpoints tbody tr").forEach(function (row) {
        var shown = (!provider || row.dataset.provider === provider) && (!state || row.dataset.state === state);
        row.hidden = !shown;
      });
    };
    filter.addEventListener("change", apply);
    filter.hidden = false;
    apply();
  }

  // The search over every page (search-index.js): a query matches where it occurs in an
  // entry's name or text, ignoring case; names that match come first, then the page's own
  // language. `?q=` in the address searches at once, so that a search can be linked.
  var search = document.querySelector("form.search");
  if (search && window.cloudspecSearch) {
    var words = data("search-words") || {};
    var input = search.elements.q;
    var list = document.getElementById("results");
    var locale = document.documentElement.lang;
    var run = function () {
      var query = input.value.trim().toLowerCase();
      list.textContent = "";
      if (!query) {
        return;
      }
      var found = [];
      window.cloudspecSearch.forEach(function (entry) {
        var name = entry.name.toLowerCase();
        var rank = name === query ? 0 : name.indexOf(query) >= 0 ? 1 : entry.text.toLowerCase().indexOf(query) >= 0 ? 2 : -1;
        if (rank >= 0) {
          found.push({ entry: entry, rank: rank * 2 + (entry.locale === locale ? 0 : 1) });
        }
      });
      found.sort(function (a, b) { return a.rank - b.rank; });
      if (!found.length) {
        var none = document.createElement("li");
        none.textContent = words.none || "";
        list.appendChild(none);
      }
      found.slice(0, 50).forEach(function (result) {
        var entry = result.entry;
        var item = document.createElement("li");
        item.className = "result";
        item.lang = entry.locale;
        var link = document.createElement("a");
        link.href = entry.page;
        link.textContent = entry.name;
        var what = document.createElement("span");
        what.className = "what";
        what.textContent = (words[entry.what] || entry.what) + " · " + entry.locale;
        var text = document.createElement("span");
        text.className = "text";
        text.textContent = entry.text;
        item.append(link, " ", what, " ", text);
        list.appendChild(item);
      });
    };
    input.addEventListener("input", run);
    search.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) {
      input.value = asked;
    }
    search.hidden = false;
    run();
  }

  var spec = data("spec");
  var ui = data("ui");
  var target = document.getElementById("reference");
  if (!spec || !ui || !target || !window.Redoc) {
    return;
  }

  // English that Redoc writes whatever its labels say: an element whose text (in one text
  // node or several, as React writes `{place} Parameters`) or placeholder, trimmed, is a key
  // of `ui.translate` gets its translation.
  var translate = ui.translate || {};
  function translation(text) {
    var trimmed = text.trim();
    return Object.prototype.hasOwnProperty.call(translate, trimmed) ? text.replace(trimmed, translate[trimmed]) : null;
  }
  function translateElement(element) {
    var texts = Array.prototype.filter.call(element.childNodes, function (node) {
      return node.nodeType === Node.TEXT_NODE;
    });
    if (texts.length && texts.length === element.childNodes.length) {
      var translated = translation(element.textContent);
      if (translated !== null) {
        texts[0].data = translated;
        texts.slice(1).forEach(function (node) { node.data = ""; });
      }
    } else {
      texts.forEach(function (node) {
        var translated = translation(node.data);
        if (translated !== null) {
          node.data = translated;
        }
      });
    }
    var placeholder = element.getAttribute("placeholder");
    if (placeholder !== null && translation(placeholder) !== null) {
      element.setAttribute("placeholder", translation(placeholder));
    }
  }
  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      root = root.parentNode;
    }
    if (!root || root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    translateElement(root);
    root.querySelectorAll("*").forEach(translateElement);
  }

  // Redoc's headings jump (h2 to h5); each one's level for assistive technology is at most
  // one below the heading before it.
  function soundHeadings() {
    var previous = 0;
    document.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (heading) {
      var own = Number(heading.tagName.charAt(1));
      var level = Math.min(own, previous + 1);
      if (level !== own) {
        heading.setAttribute("aria-level", String(level));
      } else {
        heading.removeAttribute("aria-level");
      }
      previous = level;
    });
  }

  function finish(root) {
    if (Object.keys(translate).length) {
      translateTree(root);
    }
    soundHeadings();
  }

  Redoc.init(spec, ui.options, target, function () {
    finish(target);
    // Redoc renders more as the reader opens things: finish that too.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        if (mutation.type === "characterData") {
          translateTree(mutation.target);
        } else {
          mutation.addedNodes.forEach(translateTree);
        }
      });
      soundHeadings();
    }).observe(target, { childList: true, subtree: true, characterData: true });
  });
})();
