// Pagefind's search UI on the search page (offline; the index lives in pagefind/). It speaks
// the page's <html lang>, the edition's interface language (Pagefind bundles its own
// translations, Russian among them), and searches the index of that language: every page
// of the site carries the same one.
window.addEventListener("DOMContentLoaded", () => {
  const element = document.querySelector("#search");
  if (window.PagefindUI && element) {
    // A large corpus is indexed in shards: pagefind/ and the bundles listed here.
    const bundles = (element.dataset.bundles || "").split(" ").filter(Boolean);
    new window.PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      // Pagefind reads a relative bundlePath from its own bundle: give it the full URL.
      mergeIndex: bundles.map((bundle) => ({ bundlePath: new URL(bundle, document.baseURI).href })),
    });
  }
});
