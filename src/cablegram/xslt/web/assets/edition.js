// cablegram web edition: the switches, popups, sorting and filtering. The pages work
// without it (reading view, all versions shown, popups on hover and focus).
(function () {
  "use strict";
  const body = document.body;

  // Reading / diplomatic, and which versions to show: a pair side by side (any two, their
  // passages aligned in rows: web/aligned.xsl, whose rows these are made like), or one.
  // The view is kept in the address (?left=…&right=… or ?show=…), the passage in its hash.
  const controls = document.querySelector(".controls");
  const versions = document.querySelector(".versions");
  const sections = versions ? Array.from(versions.querySelectorAll(":scope > .version")) : [];
  const units = new Map();  // version -> its passages, in order
  const links = new Map();  // passage id -> the ids it corresponds to (both ways)
  sections.forEach((section) => {
    units.set(section.dataset.version, Array.from(section.querySelectorAll("[data-u]")));
  });
  const link = (a, b) => {
    if (!links.has(a)) links.set(a, new Set());
    links.get(a).add(b);
  };
  versions && versions.querySelectorAll("[data-u][data-corresp]").forEach((unit) => {
    unit.dataset.corresp.split(/\s+/).forEach((ref) => {
      const other = ref.replace(/^#/, "");
      if (unit.id && other) { link(unit.id, other); link(other, unit.id); }
    });
  });
  const partners = (unit) => Array.from(links.get(unit.id) || [])
    .map((id) => document.getElementById(id)).filter((node) => node && node.hasAttribute("data-u"));

  // The rows of a pair: a run of passages with no link to the other side is a row of
  // its own (the left side's first); linked passages make a row with all they link to,
  // and what lies between them. A row of k passages on one side and m on the other takes
  // max(k, m) grid lines, the shorter side's last passage spanning the rest; on a narrow
  // screen its k passages, then its m. Line 1 holds the headings, the last the footnotes.
  const rows = (left, right) => {
    const sides = [left, right];
    const place = sides.map((list) => new Map(list.map((unit, n) => [unit, n])));
    const hi = sides.map((list, s) => list.map((unit) => Math.max(-1, ...partners(unit)
      .filter((other) => place[1 - s].has(other)).map((other) => place[1 - s].get(other)))));
    const at = new Map();
    let i = 0; let j = 0; let line = 2; let narrow = 3;
    const row = (li, le, rj, re) => {
      const ls = left.slice(li, le + 1); const rs = right.slice(rj, re + 1);
      const lines = Math.max(ls.length, rs.length);
      ls.forEach((unit, p) => at.set(unit, { r: line + p, s: p === ls.length - 1 ? lines - ls.length + 1 : 1, n: narrow + p }));
      rs.forEach((unit, q) => at.set(unit, { r: line + q, s: q === rs.length - 1 ? lines - rs.length + 1 : 1, n: narrow + ls.length + q }));
      line += lines; narrow += ls.length + rs.length;
    };
    while (i < left.length || j < right.length) {
      if (i < left.length && hi[0][i] < 0) {
        let e = i; while (e + 1 < left.length && hi[0][e + 1] < 0) e++;
        row(i, e, j, j - 1); i = e + 1;
      } else if (j < right.length && hi[1][j] < 0) {
        let e = j; while (e + 1 < right.length && hi[1][e + 1] < 0) e++;
        row(i, i - 1, j, e); j = e + 1;
      } else if (i < left.length && j < right.length) {
        let ie = i; let je = j; let grown = true;
        while (grown) {
          const je2 = Math.max(je, ...hi[0].slice(i, ie + 1));
          const ie2 = Math.max(ie, ...hi[1].slice(j, je2 + 1));
          grown = je2 !== je || ie2 !== ie; je = je2; ie = ie2;
        }
        row(i, ie, j, je); i = ie + 1; j = je + 1;
      } else {
        row(i, left.length - 1, j, right.length - 1); i = left.length; j = right.length;
      }
    }
    return { at, line, narrow };
  };

  const ids = sections.map((section) => section.dataset.version);
  const view = { show: "all", left: versions && versions.dataset.left, right: versions && versions.dataset.right };

  const layout = () => {
    if (!versions) return;
    const pair = view.show === "all";
    const shown = pair ? [view.left, view.right] : [view.show];
    versions.dataset.show = pair ? "all" : view.show;
    sections.forEach((section) => {
      section.hidden = !shown.includes(section.dataset.version);
      section.classList.toggle("shown", !section.hidden);
      section.removeAttribute("data-side");
      section.style.removeProperty("--c");
      section.style.removeProperty("--side");
      section.style.removeProperty("--r");
      section.style.removeProperty("--n");
    });
    versions.querySelectorAll("[data-u]").forEach((unit) => {
      ["--r", "--s", "--n"].forEach((name) => unit.style.removeProperty(name));
    });
    const left = units.get(view.left) || [];
    const right = units.get(view.right) || [];
    const aligned = pair && view.left !== view.right
      && left.some((unit) => partners(unit).some((other) => right.includes(other)));
    versions.classList.toggle("aligned", aligned);
    if (!aligned) return;
    const { at, line, narrow } = rows(left, right);
    at.forEach(({ r, s, n }, unit) => {
      unit.style.setProperty("--r", String(r));
      unit.style.setProperty("--n", String(n));
      if (s > 1) unit.style.setProperty("--s", String(s));
    });
    [view.left, view.right].forEach((vid, side) => {
      const section = document.getElementById(vid);
      section.dataset.side = side ? "right" : "left";
      section.style.setProperty("--c", String(side + 1));
      section.style.setProperty("--side", String(side));
      const notes = section.querySelector(":scope > .version-notes");
      if (notes) {
        notes.style.setProperty("--r", String(line));
        notes.style.setProperty("--n", String(narrow + side));
      }
    });
  };

  const remember = () => {
    const params = new URLSearchParams(window.location.search);
    ["left", "right", "show"].forEach((key) => params.delete(key));
    if (view.show !== "all") {
      params.set("show", view.show);
    } else if (view.left !== versions.dataset.left || view.right !== versions.dataset.right) {
      params.set("left", view.left);
      params.set("right", view.right);
    }
    const query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  };

  const syncControls = () => {
    if (!controls) return;
    controls.querySelectorAll("input[name='show']").forEach((input) => { input.checked = input.value === view.show; });
    const l = controls.querySelector("select[name='left']");
    const r = controls.querySelector("select[name='right']");
    if (l) l.value = view.left;
    if (r) r.value = view.right;
  };

  // the view asked for by the address
  if (versions && ids.length > 1) {
    const params = new URLSearchParams(window.location.search);
    if (ids.includes(params.get("show"))) view.show = params.get("show");
    if (ids.includes(params.get("left"))) view.left = params.get("left");
    if (ids.includes(params.get("right"))) view.right = params.get("right");
  }

  // A passage and its counterparts highlighted: hovered or focused (passage-linked),
  // or named by the address (passage-current, passage-counterpart).
  const mark = (unit, own, others) => {
    unit.classList.add(own);
    partners(unit).forEach((other) => other.classList.add(others));
  };
  const unmark = (...classes) => classes.forEach((name) =>
    document.querySelectorAll("." + name).forEach((node) => node.classList.remove(name)));
  let hovered = null;
  const hover = (unit) => {
    if (unit === hovered) return;
    unmark("passage-linked");
    hovered = unit;
    if (unit) mark(unit, "passage-linked", "passage-linked");
  };
  if (versions) {
    versions.addEventListener("mouseover", (event) => hover(event.target.closest("[data-u]")));
    versions.addEventListener("mouseleave", () => hover(null));
    versions.addEventListener("focusin", (event) => hover(event.target.closest("[data-u]")));
    versions.addEventListener("focusout", (event) => {
      if (!versions.contains(event.relatedTarget)) hover(null);
    });
  }

  // The day of access in the citation: today, in the page's language (web/context.xsl
  // says why not the day of the build).
  const accessed = document.querySelector("#citation .accessed");
  if (accessed) {
    const today = new Date();
    const time = document.createElement("time");
    time.dateTime = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((part) => String(part).padStart(2, "0")).join("-");
    // (the sentence's own full stop follows: "2026 г." not "2026 г..")
    time.textContent = today.toLocaleDateString(document.documentElement.lang || "en",
      { year: "numeric", month: "long", day: "numeric" }).replace(/\.$/, "");
    const [before, after] = (accessed.dataset.template || "accessed {1}").split("{1}");
    accessed.replaceChildren(`, ${before}`, time, after || "");
    accessed.hidden = false;
  }
  // The names of a document (web/context.xsl): closed on a narrow screen, where they
  // stand between the metadata and the text (the width the style sheet sets apart).
  const context = document.querySelector("aside.context details");
  if (context && window.matchMedia("(max-width: 37.5rem)").matches) context.open = false;

  const words = (node) => (node ? node.textContent.replace(/\s+/g, " ").trim() : "");

  // "Cite this passage": the document's citation, with the passage and its address in
  // place of the page's, then the day of access and the archive's page.
  const citePassage = document.getElementById("cite-passage");
  const cite = (unit) => {
    if (!citePassage || !unit) return;
    const page = citePassage.dataset.pageUrl || window.location.href.split("#")[0];
    const part = (name) => words(document.querySelector(`#citation .${name}`));
    const label = (citePassage.dataset.passageLabel || "Passage {1}:").replace("{1}", unit.id);
    const archive = part("cite-archive");
    document.getElementById("passage-citation").textContent =
      `${part("cite-work")}. ${label} ${page}#${unit.id}${accessed ? part("accessed") : ""}.${archive ? ` ${archive}` : ""}`;
    citePassage.hidden = false;
  };

  // The passage the address names: shown (its version brought into the view), with its
  // counterparts, and cited.
  const target = () => {
    unmark("passage-current", "passage-counterpart");
    const id = decodeURIComponent(window.location.hash.slice(1));
    const unit = id && document.getElementById(id);
    if (!unit || !unit.hasAttribute("data-u")) return;
    const vid = unit.closest(".version").dataset.version;
    const shown = view.show === "all" ? [view.left, view.right] : [view.show];
    if (!shown.includes(vid)) {
      if (view.show !== "all") view.show = vid;
      else if (unit.closest(".version").classList.contains("translation")) view.right = vid;
      else view.left = vid;
      if (view.left === view.right) view.right = ids.find((other) => other !== view.left);
      layout(); syncControls(); remember();
    }
    mark(unit, "passage-current", "passage-counterpart");
    cite(unit);
    unit.scrollIntoView({ block: "start" });
  };

  if (controls) {
    controls.hidden = false;
    controls.addEventListener("change", (event) => {
      const input = event.target;
      if (input.name === "mode") {
        body.classList.toggle("mode-reading", input.value === "reading");
        body.classList.toggle("mode-diplomatic", input.value === "diplomatic");
        return;
      }
      if (input.name === "show") {
        view.show = input.value;
      } else if (input.name === "left" || input.name === "right") {
        const other = input.name === "left" ? "right" : "left";
        // the same version on both sides: the other side takes the one this side had
        if (input.value === view[other]) view[other] = view[input.name];
        view[input.name] = input.value;
        view.show = "all";
      } else if (input.name === "under") {
        versions.classList.toggle("under-hidden", !input.checked);
        return;
      } else {
        return;
      }
      layout(); syncControls(); remember();
    });
  }
  if (versions && ids.length > 1) {
    layout(); syncControls();
    target();
    window.addEventListener("hashchange", target);
    document.querySelectorAll(".cite-link").forEach((node) => {
      node.hidden = false;
      node.addEventListener("click", (event) => {
        event.preventDefault();
        const unit = node.closest("[data-u]");
        history.replaceState(null, "", window.location.pathname + window.location.search + "#" + unit.id);
        target();
        citePassage.scrollIntoView({ block: "center" });
        citePassage.focus({ preventScroll: true });
      });
    });
  }

  // The words a search found (?hl=…, from the search page), marked in the passage the
  // address names (or in the whole document), which is then shown as the current one.
  const word = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  const hits = new Set(Array.from((new URLSearchParams(window.location.search).get("hl") || "")
    .matchAll(word), (found) => found[0].toLocaleLowerCase()));
  const named = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  const scope = named || document.querySelector("main");
  if (hits.size && scope) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(".popup, [data-pagefind-ignore], mark")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach((node) => {
      const text = node.nodeValue;
      const parts = [];
      let last = 0;
      for (const found of text.matchAll(word)) {
        if (!hits.has(found[0].toLocaleLowerCase())) continue;
        const mark = Object.assign(document.createElement("mark"), { className: "hit", textContent: found[0] });
        parts.push(text.slice(last, found.index), mark);
        last = found.index + found[0].length;
      }
      if (parts.length) node.replaceWith(...parts, text.slice(last));
    });
    if (named && named.closest(".version")) {
      named.classList.add("passage-current");
      named.scrollIntoView({ block: "start" });
    }
  }

  // Popups of the editorial interventions: pointer, Enter and Space, Escape closes.
  // Escape hides a popup even while its intervention keeps the focus ("dismissed").
  const toggle = (node, open) => {
    node.setAttribute("aria-expanded", open ? "true" : "false");
    node.classList.toggle("dismissed", !open);
  };
  // A popup opens below its intervention, from its left edge; one that would cross the
  // window's edge is moved back inside it (a narrow screen would otherwise scroll).
  const MARGIN = 8;
  const place = (node) => {
    const popup = node.querySelector(":scope > .popup");
    if (!popup) return;
    popup.style.left = "";
    const box = popup.getBoundingClientRect();
    if (!box.width) return; // not shown
    const room = document.documentElement.clientWidth - MARGIN;
    const shift = box.right > room ? room - box.right : 0;
    const left = Math.max(box.left + shift, MARGIN) - box.left;
    if (left) popup.style.left = `${left}px`;
  };
  document.querySelectorAll(".intervention").forEach((node) => {
    ["mouseenter", "focus", "click", "keyup"].forEach((name) => node.addEventListener(name, () => place(node)));
    node.addEventListener("click", (event) => {
      event.stopPropagation();
      toggle(node, node.getAttribute("aria-expanded") !== "true");
    });
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(node, node.getAttribute("aria-expanded") !== "true");
      } else if (event.key === "Escape") {
        toggle(node, false);
      }
    });
    node.addEventListener("blur", () => {
      node.setAttribute("aria-expanded", "false");
      node.classList.remove("dismissed");
    });
  });

  // Copy the citation.
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = document.getElementById(button.dataset.copy).textContent.replace(/\s+/g, " ").trim();
      // the words are the page's (its interface language), English when it gives none
      const done = () => { button.textContent = button.dataset.copied || "Copied"; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(done, () => {});
      }
    });
  });

  // Sortable, filterable table of cables. Its rows are the documents', and (the index) a
  // heading row where the year or month changes: shown in the date order only, and only
  // when one of their documents is.
  const table = document.querySelector("table.sortable");
  if (table) {
    const tbody = table.tBodies[0];
    const all = Array.from(tbody.rows);
    const documents = all.filter((row) => !row.classList.contains("group"));
    // The page's own order (date, then id) decides between rows of equal value.
    all.forEach((row, i) => { row.dataset.order = String(i); });
    let grouped = true; // the page's own order: the headings stand
    const value = (row, column) => {
      const cell = row.cells[column];
      return (cell.dataset.value || cell.textContent).trim();
    };
    table.querySelectorAll("button[data-sort]").forEach((button) => {
      button.addEventListener("click", () => {
        const column = Number(button.dataset.sort);
        const th = button.closest("th");
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        grouped = column === 0 && ascending;
        const rows = grouped ? all : documents;
        rows.sort((a, b) =>
          grouped ? Number(a.dataset.order) - Number(b.dataset.order)
            : value(a, column).localeCompare(value(b, column), undefined, { numeric: true }) * (ascending ? 1 : -1)
          || Number(a.dataset.order) - Number(b.dataset.order));
        rows.forEach((row) => tbody.appendChild(row));
        apply();
      });
    });
    // Filter by words and by facets: a row is shown when it has every word and, for each
    // facet chosen, its value (a row's values: data-<facet>="|a|b|"); the status line says
    // how many are shown.
    const filter = document.querySelector("input[data-filter]");
    const facets = Array.from(document.querySelectorAll("select[data-facet]"));
    const status = document.querySelector(".filter-count");
    const apply = () => {
      const words = filter ? filter.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
      const chosen = facets.filter((select) => select.value)
        .map((select) => [select.dataset.facet, `|${select.value}|`]);
      const shownIn = new Set();
      let shown = 0;
      documents.forEach((row) => {
        const text = row.textContent.toLowerCase();
        row.hidden = !(words.every((word) => text.includes(word))
          && chosen.every(([facet, wanted]) => (row.dataset[facet] || "").includes(wanted)));
        if (!row.hidden) {
          shown += 1;
          (row.dataset.in || "").split(" ").forEach((group) => shownIn.add(group));
        }
      });
      all.filter((row) => row.classList.contains("group")).forEach((row) => {
        row.hidden = !grouped || !shownIn.has(row.dataset.group);
      });
      if (status) {
        const template = status.dataset.template || "{1} of {2} shown";
        status.textContent = words.length || chosen.length
          ? template.replace("{1}", String(shown)).replace("{2}", String(documents.length))
          : "";
      }
    };
    const filters = document.querySelector(".filters");
    if (filters) {
      filters.hidden = false;
    }
    [filter, ...facets].forEach((control) => {
      if (control) {
        control.addEventListener("input", apply);
        control.addEventListener("change", apply);
      }
    });
    // index.html?type=memorandum (or ?year=1951, ?person=stalin …) opens the list
    // filtered by that value of the facet
    const asked = new URLSearchParams(window.location.search);
    let preset = false;
    facets.forEach((select) => {
      const wanted = asked.get(select.dataset.facet);
      if (wanted && Array.from(select.options).some((option) => option.value === wanted)) {
        select.value = wanted;
        preset = true;
      }
    });
    if (preset) {
      apply();
    }
  }
})();
