<?xml version="1.0" encoding="UTF-8"?>
<!-- Search: Pagefind's offline index of every cable page, both languages (in shards). Without
     JavaScript the page points to the index of cables. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <!-- The search index's bundles beyond pagefind/ (a large corpus is indexed in shards),
       space-separated: search.js merges them. -->
  <xsl:param name="bundles" select="''"/>
  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title">Search</xsl:with-param>
      <xsl:with-param name="current">search.html</xsl:with-param>
      <xsl:with-param name="main">
        <h1>Search</h1>
        <p>Search the text of every cable, in Russian and in English.</p>
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <div id="search" data-pagefind-ui="" data-bundles="{$bundles}"></div>
        <noscript><p>Search needs JavaScript; the <a href="index.html">list of cables</a> works without it.</p></noscript>
        <script src="pagefind/pagefind-ui.js"></script>
        <script src="assets/search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
