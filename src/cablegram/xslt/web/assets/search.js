// The search page. search.json lists each language's Pagefind bundles and every name the
// corpus mentions with its spellings; each language is searched in a frame of its own
// (search-frame.js: Pagefind stems in the language of the page it runs in), and what the
// languages find is merged here: by score, or by date. A name searched in one spelling is
// searched in all the authority files give it; a word of one letter is not searched (a
// prefix of one letter matches nearly every document). The form's fields are kept in the
// address, so a search can be linked to and survives going back.
window.addEventListener("DOMContentLoaded", async () => {
  const form = document.getElementById("search");
  if (!form) return;
  const words = form.dataset;
  const say = (key, value = "") => (words["msg" + key[0].toUpperCase() + key.slice(1)] || key).replace("{1}", value);
  const input = form.querySelector("#search-words");
  const language = form.querySelector("#search-language");
  const order = form.querySelector("#search-sort");
  const facets = [...form.querySelectorAll("select[data-facet]")];
  const status = form.querySelector(".search-status");
  const list = form.querySelector(".search-results");
  const more = form.querySelector(".search-more");
  const PAGE = 20; // results shown at a time

  let manifest;
  try {
    manifest = await (await fetch("search.json")).json();
  } catch (error) {
    return; // no index: the page keeps its pointer to the index of documents
  }
  for (const { code, name } of manifest.languages) language.add(new Option(name, code));

  // A frame per bundle (a language's index of a shard), made when first needed; its
  // window answers cgSearch and cgFilters.
  const frames = {};
  const frameOf = (code, bundle) => (frames[bundle] ??= new Promise((resolve) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = bundle;
    frame.src = `assets/search-frame.html?${new URLSearchParams({ lang: code, bundle })}`;
    frame.addEventListener("load", () => resolve(frame.contentWindow), { once: true });
    document.body.append(frame);
  }));
  const bundles = (entries) => entries.flatMap((entry) =>
    entry.bundles.map((bundle) => ({ code: entry.code, bundle })));

  // The facets' values: every value any language's index holds.
  const values = {};
  await Promise.all(bundles(manifest.languages).map(async ({ code, bundle }) => {
    const found = await (await frameOf(code, bundle)).cgFilters();
    for (const [key, counts] of Object.entries(found)) {
      for (const value of Object.keys(counts)) (values[key] ??= new Set()).add(value);
    }
  }));
  for (const select of facets) {
    const found = [...(values[select.dataset.facet] || [])].sort((a, b) => a.localeCompare(b));
    for (const value of found) select.add(new Option(value, value));
    select.closest(".facet").hidden = found.length < 2 && !select.value;
  }

  const normal = (text) => text.toLocaleLowerCase().replace(/ё/g, "е").normalize("NFC");
  const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  // The words searched: a word of one letter (or digit) is left out, but for a character of
  // a script written without spaces, which is a word.
  const kept = (text) => text.split(/\s+/).filter((word) =>
    [...word.replace(/[\p{P}\p{S}]/gu, "")].length > 1 || ideographic.test(word));

  // The query in every spelling of the names it holds: a name of the authority files found
  // in it (whole, or a word that begins with a one-word name: an inflected form) is
  // replaced by each of the name's other forms.
  const spellings = (query) => {
    const text = normal(query);
    const tokens = text.split(" ");
    const queries = new Set([text]);
    const also = new Set();
    for (const entry of manifest.names) {
      // [normalised, as written], the longest first
      const forms = entry.forms.map((form) => [normal(form), form]).sort((a, b) => b[0].length - a[0].length);
      const found = forms.find(([form]) => form.length > 2 && (` ${text} `.includes(` ${form} `)
        || (!form.includes(" ") && form.length > 3
          && tokens.some((token) => token.startsWith(form) && token.length - form.length <= 3))));
      if (!found) continue;
      const written = ` ${text} `.includes(` ${found[0]} `) ? found[0]
        : tokens.find((token) => token.startsWith(found[0]));
      for (const [form, original] of forms) {
        if (form === found[0] || queries.size >= 32) continue;
        queries.add(text.replace(written, form));
        also.add(original);
      }
    }
    return { queries: [...queries], also: [...also] };
  };

  // Whether Pagefind found the words searched, or only near matches: a word an index
  // does not hold is matched by the longest prefix it holds ("gensan" by "G"), in every
  // result at once. A word is found when the best result holds a word that begins with
  // the word's stem (Pagefind's search finds the words its stem begins), the stem being
  // the Snowball stemmer's of the language, as Pagefind's; a word of a language without
  // one is its own stem.
  const ALGORITHMS = { ar: "arabic", da: "danish", de: "german", en: "english", es: "spanish",
    fi: "finnish", fr: "french", hu: "hungarian", it: "italian", nl: "dutch", no: "norwegian",
    pt: "portuguese", ro: "romanian", ru: "russian", sv: "swedish", ta: "tamil", tr: "turkish" };
  const stemmers = {};
  const stem = (code, word) => {
    const algorithm = ALGORITHMS[code];
    if (!algorithm || !window.snowballFactory) return word;
    stemmers[code] ??= window.snowballFactory.newStemmer(algorithm);
    return stemmers[code].stem(word);
  };
  const plain = (text) => text.normalize("NFD").replace(/\p{M}/gu, "");
  const bare = (text) => plain(normal(text)).replace(/[^\p{L}\p{N}]/gu, "");
  const found = async (code, query, results) => {
    if (query === null || !results.length) return true;
    results[0].loaded ??= results[0].data();
    const best = await results[0].loaded;
    const text = best.content.split(/\s+/);
    const located = best.locations.map((at) => bare(text[at] || ""));
    return query.split(" ").filter((term) => bare(term) && !ideographic.test(term)).every((term) => {
      const root = bare(stem(code, normal(term).replace(/[^\p{L}\p{N}]/gu, "")));
      return located.some((word) => word.startsWith(root));
    });
  };

  // The next result of several lists (each in Pagefind's order): the best score first, or
  // the earliest (latest) date, a date read from the result's data when it is needed; a
  // text found by several spellings once.
  const merge = (lists, sort) => {
    const seen = new Set();
    const key = async (list) => {
      const result = list.results[list.at];
      if (!sort) return -result.score;
      result.loaded ??= result.data();
      return (await result.loaded).meta.when || "9999";
    };
    const better = (a, b) => (sort === "desc" ? a > b : a < b);
    return async () => {
      for (;;) {
        let best = null;
        let bestKey = null;
        for (const list of lists) {
          while (list.at < list.results.length && seen.has(list.bundle + list.results[list.at].id)) list.at++;
          if (list.at >= list.results.length) continue;
          const found = await key(list);
          if (best === null || better(found, bestKey)) [best, bestKey] = [list, found];
        }
        if (best === null) return null;
        const result = best.results[best.at++];
        seen.add(best.bundle + result.id);
        result.loaded ??= result.data();
        return { code: best.code, data: await result.loaded };
      }
    };
  };

  // An excerpt's words and marks, as nodes (nothing else of its HTML is trusted).
  const excerpt = (html) => {
    const holder = document.createElement("span");
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
    for (const node of parsed.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) holder.append(node.textContent);
      else if (node.nodeName === "MARK") holder.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
      else holder.append(node.textContent);
    }
    return holder;
  };
  const marked = (html) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((found) => found[1]);
  const address = (url, hits) => {
    const target = new URL(url, window.location.href);
    if (hits.length) target.searchParams.set("hl", [...new Set(hits)].join(" "));
    return target.href;
  };

  const show = ({ code, data }, searched) => {
    const item = document.createElement("li");
    item.className = "search-result";
    const meta = data.meta;
    const passages = searched ? (data.sub_results || []).filter((sub) => sub.url.includes("#")).slice(0, 3) : [];
    const first = (meta.versions || "").split(" ")[0];
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = address(passages.length ? passages[0].url : `${data.url}#${first}`, marked(data.excerpt || ""));
    link.textContent = meta.title || data.url;
    heading.append(link);
    const about = document.createElement("p");
    about.className = "search-about";
    const when = document.createElement("span");
    when.className = "search-date";
    when.textContent = meta.date || say("undated");
    about.append(when, ` · ${meta.type || ""} · ${meta.version_labels || code}`);
    item.append(heading, about);
    if (passages.length) {
      const found = document.createElement("ul");
      found.className = "search-passages";
      for (const sub of passages) {
        const line = document.createElement("li");
        const go = document.createElement("a");
        go.href = address(sub.url, marked(sub.excerpt || ""));
        go.lang = code === "unknown" ? "" : code;
        go.append(excerpt(sub.excerpt || ""));
        line.append(go);
        found.append(line);
      }
      item.append(found);
    } else if (searched && data.excerpt) {
      const line = document.createElement("p");
      line.className = "search-excerpt";
      line.lang = code === "unknown" ? "" : code;
      line.append(excerpt(data.excerpt));
      item.append(line);
    }
    return item;
  };

  let running = 0;
  let next = null;
  const page = async (searched) => {
    const run = running;
    more.hidden = true;
    for (let shown = 0; shown < PAGE; shown++) {
      const result = await next();
      if (run !== running) return;
      if (!result) return;
      list.append(show(result, searched));
    }
    more.hidden = false;
  };

  const remember = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    for (const select of [language, order, ...facets]) if (select.value) params.set(select.name, select.value);
    const query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : ""));
  };

  // The form's state, for whoever waits on it (a test): busy from a change to the end
  // of the search it starts.
  const done = (run) => {
    if (run === running) form.dataset.state = "done";
  };
  const search = async () => {
    const run = ++running;
    form.dataset.state = "busy";
    remember();
    list.replaceChildren();
    more.hidden = true;
    const typed = input.value.trim();
    const terms = kept(typed);
    const filters = {};
    for (const select of facets) if (select.value) filters[select.dataset.facet] = select.value;
    if (typed && !terms.length) {
      status.textContent = say("short");
      return done(run);
    }
    if (!terms.length && !Object.keys(filters).length) {
      status.textContent = "";
      return done(run);
    }
    status.textContent = say("searching");
    const { queries, also } = terms.length ? spellings(terms.join(" ")) : { queries: [null], also: [] };
    const sort = order.value || (terms.length ? "" : "asc");
    const options = { filters, sort: sort ? { date: sort } : {} };
    const chosen = manifest.languages.filter((entry) => !language.value || entry.code === language.value);
    const lists = [];
    await Promise.all(bundles(chosen).map(async ({ code, bundle }) => {
      const frame = await frameOf(code, bundle);
      for (const query of queries) {
        const { results } = await frame.cgSearch(query, options);
        if (await found(code, query, results)) lists.push({ code, bundle, results, at: 0 });
      }
    }));
    if (run !== running) return;
    const total = new Set(lists.flatMap((found) => found.results.map((result) => found.bundle + result.id))).size;
    status.textContent = (total ? say("count", total) : say("none"))
      + (also.length ? ` ${say("also", also.join(", "))}` : "");
    next = merge(lists, sort);
    await page(terms.length > 0);
    done(run);
  };

  // shown once it can search: nothing typed before is lost
  form.hidden = false;
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  for (const select of [language, order, ...facets]) {
    const wanted = params.get(select.name);
    if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
  }
  let pause = null;
  input.addEventListener("input", () => {
    form.dataset.state = "busy";
    clearTimeout(pause);
    pause = setTimeout(search, 250);
  });
  form.addEventListener("change", (event) => {
    if (event.target !== input) search();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  more.addEventListener("click", async () => {
    const run = running;
    form.dataset.state = "busy";
    await page(kept(input.value.trim()).length > 0);
    done(run);
  });
  if (input.value || params.toString()) search();
  else form.dataset.state = "done";
});
