// cablegram web edition: the switches, popups, sorting and filtering. The pages work
// without it (reading view, all versions shown, popups on hover and focus).
(function () {
  "use strict";
  const body = document.body;

  // Reading / diplomatic, and which versions to show.
  const controls = document.querySelector(".controls");
  if (controls) {
    controls.hidden = false;
    controls.addEventListener("change", (event) => {
      const input = event.target;
      if (input.name === "mode") {
        body.classList.toggle("mode-reading", input.value === "reading");
        body.classList.toggle("mode-diplomatic", input.value === "diplomatic");
      } else if (input.name === "show") {
        const versions = document.querySelector(".versions");
        versions.dataset.show = input.value;
        versions.querySelectorAll(".version").forEach((section) => {
          section.classList.toggle("shown", section.dataset.version === input.value);
        });
      }
    });
  }

  // Popups of the editorial interventions: pointer, Enter and Space, Escape closes.
  // Escape hides a popup even while its intervention keeps the focus ("dismissed").
  const toggle = (node, open) => {
    node.setAttribute("aria-expanded", open ? "true" : "false");
    node.classList.toggle("dismissed", !open);
  };
  document.querySelectorAll(".intervention").forEach((node) => {
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

  // Sortable, filterable table of cables.
  const table = document.querySelector("table.sortable");
  if (table) {
    const tbody = table.tBodies[0];
    // The page's own order (date, then id) decides between rows of equal value.
    Array.from(tbody.rows).forEach((row, i) => { row.dataset.order = String(i); });
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
        const rows = Array.from(tbody.rows);
        rows.sort((a, b) =>
          value(a, column).localeCompare(value(b, column), undefined, { numeric: true }) * (ascending ? 1 : -1)
          || Number(a.dataset.order) - Number(b.dataset.order));
        rows.forEach((row) => tbody.appendChild(row));
      });
    });
    // Filter by words and by document type: a row is shown when it has every word and
    // is of the type chosen; the status line says how many are shown.
    const filter = document.querySelector("input[data-filter]");
    const type = document.querySelector("select[data-filter='type']");
    const status = document.querySelector(".filter-count");
    const apply = () => {
      const words = filter ? filter.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
      const kind = type ? type.value : "";
      let shown = 0;
      Array.from(tbody.rows).forEach((row) => {
        const text = row.textContent.toLowerCase();
        row.hidden = !(words.every((word) => text.includes(word)) && (!kind || row.querySelector("[data-type]").dataset.type === kind));
        shown += row.hidden ? 0 : 1;
      });
      if (status) {
        const template = status.dataset.template || "{1} of {2} shown";
        status.textContent = words.length || kind
          ? template.replace("{1}", String(shown)).replace("{2}", String(tbody.rows.length))
          : "";
      }
    };
    const filters = document.querySelector(".filters");
    if (filters) {
      filters.hidden = false;
    }
    [filter, type].forEach((control) => {
      if (control) {
        control.addEventListener("input", apply);
        control.addEventListener("change", apply);
      }
    });
    // index.html?type=memorandum opens the list filtered by that type
    const wanted = new URLSearchParams(window.location.search).get("type");
    if (type && wanted && Array.from(type.options).some((option) => option.value === wanted)) {
      type.value = wanted;
      apply();
    }
  }
})();
