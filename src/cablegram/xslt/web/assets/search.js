// Pagefind's search UI on the search page (offline; the index lives in pagefind/).
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
