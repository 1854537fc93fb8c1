/* The Explore page: search every event with Pagefind's JS API and narrow the results
   by tag, actor, place, year and source. The page's markup (explore.md.j2) holds the
   form, the result list and one empty group per filter; this script fills them.

   The search lives in the address (?text=…&tag=…), kept up to date as the reader types,
   so any search is a link to share. The words go in `text`: Material's header search
   reads `q` and would open its own overlay. Text from the index (titles, names,
   excerpts) is only ever set as text, never as HTML. */
(function () {
  "use strict";

  var FILTERS = ["tag", "actor", "place", "year", "source"];
  var TEXT = "text";
  var OLD_TEXT = "q";       // links made before `text`; moved at once, before Material reads it
  var PAGE_SIZE = 20;       // results drawn at first and per "Show more"
  var VALUES_SHOWN = 12;    // values a filter group lists before its "Show all"
  var TYPING_PAUSE_MS = 150;

  moveOldQuery();
  var box = document.getElementById("tl-explore");
  if (box) {
    start(box);
  }

  /** A `?q=` link becomes `?text=`: this runs before Material's search starts. */
  function moveOldQuery() {
    var address = new URL(window.location.href);
    var old = address.searchParams.get(OLD_TEXT);
    if (old === null) {
      return;
    }
    address.searchParams.delete(OLD_TEXT);
    if (!address.searchParams.has(TEXT)) {
      address.searchParams.set(TEXT, old);
    }
    window.history.replaceState(window.history.state, "", address.href);
  }

  function start(box) {
    var root = new URL(box.getAttribute("data-root") || "./", window.location.href);
    var view = {
      input: box.querySelector(".tl-explore__input"),
      toggle: box.querySelector(".tl-explore__toggle"),
      results: box.querySelector(".tl-explore__results"),
      count: box.querySelector(".tl-explore__count"),
      list: box.querySelector(".tl-explore__list"),
      more: box.querySelector(".tl-explore__more"),
      panel: box.querySelector(".tl-explore__filters")
    };
    var state = readAddress(new URL(window.location.href).searchParams);
    var explore = {root: root, view: view, state: state, pagefind: null, run: 0,
                   open: {}, timer: null};
    box.hidden = false;
    view.input.value = state.text;
    wire(explore);
    placePanel(view);
    loadPagefind(root).then(function (pagefind) {
      explore.pagefind = pagefind;
      return search(explore);
    }).catch(function (error) {
      view.count.textContent = "The search could not load (" + error.message + ").";
      throw error;
    });
  }

  /** The search an address asks for: {text, filters: {name: [values]}, shown}. */
  function readAddress(params) {
    var filters = {};
    FILTERS.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean);
      if (values.length) {
        filters[name] = values;
      }
    });
    return {text: params.get(TEXT) || "", filters: filters, shown: PAGE_SIZE};
  }

  /** Puts the current search into the address bar without a new history entry. */
  function writeAddress(state) {
    var address = new URL(window.location.href);
    [TEXT].concat(FILTERS).forEach(function (name) { address.searchParams.delete(name); });
    if (state.text.trim()) {
      address.searchParams.set(TEXT, state.text.trim());
    }
    FILTERS.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) {
        address.searchParams.append(name, value);
      });
    });
    window.history.replaceState(window.history.state, "", address.href);
  }

  /** Pagefind's API, ready to search. Its filter lists are loaded first: a search
      counts the values only of the filters already loaded. */
  function loadPagefind(root) {
    return import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
      return Promise.resolve(pagefind.options({baseUrl: root.pathname})).then(function () {
        return pagefind.filters();
      }).then(function () {
        return pagefind;
      });
    });
  }

  function wire(explore) {
    var view = explore.view;
    view.input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(explore.timer);
      changed(explore, function (state) { state.text = view.input.value; });
    });
    view.input.addEventListener("input", function () {
      window.clearTimeout(explore.timer);
      explore.timer = window.setTimeout(function () {
        changed(explore, function (state) { state.text = view.input.value; });
      }, TYPING_PAUSE_MS);
    });
    view.toggle.addEventListener("click", function () {
      var open = view.toggle.getAttribute("aria-expanded") !== "true";
      view.toggle.setAttribute("aria-expanded", String(open));
      view.panel.classList.toggle("is-open", open);
    });
    view.more.addEventListener("click", function () {
      explore.state.shown += PAGE_SIZE;
      search(explore, true);
    });
    view.panel.addEventListener("click", function (event) {
      var fold = event.target.closest(".tl-explore__fold");
      if (fold) {
        foldGroup(fold);
      }
      var all = event.target.closest(".tl-explore__all");
      if (all) {
        explore.open[all.getAttribute("data-filter")] = true;
        search(explore);
      }
    });
    view.panel.addEventListener("change", function (event) {
      var box = event.target;
      if (box.matches(".tl-explore__check")) {
        changed(explore, function (state) { tick(state.filters, box.name, box.value, box.checked); });
      }
    });
    window.addEventListener("resize", function () { placePanel(view); });
  }

  /** Applies `edit` to the search, then runs it from the first page of results. */
  function changed(explore, edit) {
    edit(explore.state);
    explore.state.shown = PAGE_SIZE;
    search(explore);
  }

  function tick(filters, name, value, on) {
    var values = (filters[name] || []).filter(function (v) { return v !== value; });
    if (on) {
      values.push(value);
    }
    if (values.length) {
      filters[name] = values;
    } else {
      delete filters[name];
    }
  }

  function foldGroup(button) {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
  }

  /** On narrow screens (where the toggle shows) the collapsed filters sit above the
      results, right under their toggle; on wide ones they follow the results, so the
      keyboard reaches the results first. */
  function placePanel(view) {
    var narrow = window.getComputedStyle(view.toggle).display !== "none";
    var after = view.panel.previousElementSibling === view.results;
    if (narrow && after) {
      view.results.before(view.panel);
    } else if (!narrow && !after) {
      view.results.after(view.panel);
    }
  }

  /** Runs the current search and draws it; an answer that arrives after a newer
      search started is dropped. `more`: only more results of the same search. */
  function search(explore, more) {
    var run = ++explore.run;
    var state = explore.state;
    var pagefind = explore.pagefind;
    if (!pagefind) {
      return Promise.resolve();
    }
    writeAddress(state);
    showFilterCount(explore.view.toggle, state.filters);
    var text = state.text.trim();
    if (!text && !Object.keys(state.filters).length) {
      return pagefind.filters().then(function (counts) {
        if (run === explore.run) {
          drawPrompt(explore.view);
          drawFilters(explore, counts);
        }
      });
    }
    var options = {filters: anyOf(state.filters)};
    if (!text) {
      options.sort = {order: "asc"};  // filters alone: the events in time order
    }
    return pagefind.search(text || null, options).then(function (answer) {
      var shown = answer.results.slice(0, state.shown);
      return Promise.all([
        Promise.all(shown.map(function (r) { return r.data(); })),
        more ? null : groupCounts(pagefind, text, state.filters, answer.filters)
      ]).then(function (both) {
        if (run !== explore.run) {
          return;
        }
        drawResults(explore, answer.results.length, both[0], more);
        if (!more) {
          drawFilters(explore, both[1]);
        }
      });
    });
  }

  /** Values ticked in one group are alternatives (any of them), groups narrow each
      other (all of them): two years give the events of either year. */
  function anyOf(filters) {
    var query = {};
    Object.keys(filters).forEach(function (name) { query[name] = {any: filters[name]}; });
    return query;
  }

  /** How many results each value would give. A group with ticked values counts as if
      it had none ticked (its other values are alternatives to add, not narrowings),
      so it takes its counts from the same search without its own filter. */
  function groupCounts(pagefind, text, filters, counts) {
    var names = Object.keys(filters);
    return Promise.all(names.map(function (name) {
      var others = Object.assign({}, filters);
      delete others[name];
      return pagefind.search(text || null, {filters: anyOf(others)}).then(function (answer) {
        return answer.filters[name] || {};
      });
    })).then(function (own) {
      var merged = Object.assign({}, counts);
      names.forEach(function (name, i) { merged[name] = own[i]; });
      return merged;
    });
  }

  function drawPrompt(view) {
    view.count.textContent = "Type words to search for, or tick a filter.";
    view.list.replaceChildren();
    view.more.hidden = true;
  }

  function drawResults(explore, total, data, more) {
    var view = explore.view;
    view.count.textContent = total === 0 ? "No events match."
      : total === 1 ? "1 event" : total.toLocaleString("en") + " events";
    var start = more ? view.list.children.length : 0;
    var items = data.slice(start).map(function (d) { return resultItem(d, explore.root); });
    if (more) {
      view.list.append.apply(view.list, items);
    } else {
      view.list.replaceChildren.apply(view.list, items);
    }
    view.more.hidden = data.length >= total;
  }

  /** One result: its title as a link to the event, its date, the matching words. */
  function resultItem(data, root) {
    var item = element("li", "tl-explore__result");
    var link = element("a", "tl-explore__link", data.meta.title || data.meta.url);
    // The index holds each permalink relative to the site's root (see the records).
    link.href = new URL(data.meta.url || "", root).href;
    var heading = element("h2", "tl-explore__title");
    heading.append(link);
    item.append(heading);
    if (data.meta.date) {
      item.append(element("p", "tl-explore__date", data.meta.date));
    }
    var excerpt = element("p", "tl-explore__excerpt");
    excerpt.append.apply(excerpt, excerptNodes(data.excerpt || ""));
    item.append(excerpt);
    return item;
  }

  /** Pagefind's excerpt is HTML (escaped text with <mark> around the matches): it is
      parsed in an inert document and only its text and marks are kept. */
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    return Array.prototype.map.call(parsed.body.firstChild.childNodes, function (node) {
      return node.nodeName === "MARK" ? element("mark", "", node.textContent)
        : document.createTextNode(node.textContent);
    });
  }

  /** Every filter group with the values the current results have (and the ticked
      ones), each with how many of the results it would keep. */
  function drawFilters(explore, counts) {
    var focused = document.activeElement;
    var again = focused && focused.matches(".tl-explore__check, .tl-explore__all")
      ? {name: focused.name || focused.getAttribute("data-filter"), value: focused.value}
      : null;
    FILTERS.forEach(function (name) {
      var group = explore.view.panel.querySelector(".tl-explore__group[data-filter='" + name + "']");
      if (group) {
        drawGroup(group, name, counts[name] || {}, explore.state.filters[name] || [],
                  explore.open[name]);
      }
    });
    if (again) {
      refocus(explore.view.panel, again);
    }
  }

  function drawGroup(group, name, counts, ticked, showAll) {
    var values = Object.keys(counts).filter(function (v) {
      return counts[v] > 0 || ticked.indexOf(v) >= 0;
    });
    values.sort(name === "year" ? byYear : function (a, b) {
      return (counts[b] - counts[a]) || a.localeCompare(b);
    });
    var listed = showAll ? values : values.slice(0, VALUES_SHOWN);
    ticked.forEach(function (v) {  // a ticked value always stays in sight
      if (listed.indexOf(v) < 0) {
        listed.push(v);
      }
    });
    var options = group.querySelector(".tl-explore__options");
    var nodes = listed.map(function (v) { return option(name, v, counts[v] || 0, ticked); });
    if (listed.length < values.length) {
      var all = element("button", "tl-explore__all", "Show all " + values.length);
      all.type = "button";
      all.setAttribute("data-filter", name);
      nodes.push(all);
    }
    options.replaceChildren.apply(options, nodes);
    group.hidden = values.length === 0;
  }

  function option(name, value, count, ticked) {
    var label = element("label", "tl-explore__option");
    var check = element("input", "tl-explore__check");
    check.type = "checkbox";
    check.name = name;
    check.value = value;
    check.checked = ticked.indexOf(value) >= 0;
    label.append(check, element("span", "tl-explore__value", value),
                 element("span", "tl-explore__tally", count.toLocaleString("en")));
    return label;
  }

  /** Redrawing replaced the control that had the focus: give it to its successor. */
  function refocus(panel, was) {
    var match = Array.prototype.find.call(
      panel.querySelectorAll(".tl-explore__check, .tl-explore__all"), function (node) {
        return node.value !== undefined && node.name === was.name && node.value === was.value;
      });
    var fallback = panel.querySelector(".tl-explore__group[data-filter='" + was.name +
                                       "'] .tl-explore__fold");
    (match || fallback || panel).focus();
  }

  /** Year labels in time order: "44 BCE" before "2005". */
  function byYear(a, b) {
    return yearNumber(a) - yearNumber(b) || a.localeCompare(b);
  }

  function yearNumber(label) {
    var number = parseInt(label, 10);
    return /BCE/.test(label) ? -number : number;
  }

  function showFilterCount(toggle, filters) {
    var ticked = Object.keys(filters).reduce(function (n, k) { return n + filters[k].length; }, 0);
    toggle.textContent = ticked ? "Filters (" + ticked + ")" : "Filters";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
})();
