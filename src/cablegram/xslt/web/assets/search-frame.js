// One bundle's search (one language's index of one shard), in a frame of its own.
// Pagefind stems the words searched with the stemmer of the page it runs in (its <html
// lang>), and two indexes in one page share its memory; so the search page opens a frame
// per bundle (search-frame.html?lang=ru&bundle=pagefind-ru-2/) and asks each through
// window.cgSearch and window.cgFilters. Each shard's results come back as a list of their
// own: a shard that lacks a word answers with near matches only, which the search page
// can then tell and drop (Pagefind's mergeIndex would mix them into the others).
(() => {
  const params = new URLSearchParams(window.location.search);
  document.documentElement.lang = params.get("lang") || "unknown";
  const site = new URL("../", window.location.href); // the frame lives in assets/
  const bundle = new URL(params.get("bundle") || "", site).href;
  let ready = null;
  const pagefind = () => {
    ready ??= (async () => {
      const found = await import(`${bundle}pagefind.js`);
      await found.options({ baseUrl: site.pathname, excerptLength: 24 });
      await found.init();
      return found;
    })();
    return ready;
  };
  window.cgSearch = async (term, options) => (await pagefind()).search(term, options);
  window.cgFilters = async () => (await pagefind()).filters();
})();
