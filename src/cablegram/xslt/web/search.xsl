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
      <xsl:with-param name="title"><xsl:call-template name="msg"><xsl:with-param name="key">nav.search</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">search.html</xsl:with-param>
      <xsl:with-param name="main">
        <h1><xsl:call-template name="msg"><xsl:with-param name="key">nav.search</xsl:with-param></xsl:call-template></h1>
        <p><xsl:call-template name="msg"><xsl:with-param name="key">search.intro</xsl:with-param></xsl:call-template></p>
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <div id="search" data-pagefind-ui="" data-bundles="{$bundles}"></div>
        <noscript><p><xsl:call-template name="msg"><xsl:with-param name="key">search.noscript.before</xsl:with-param></xsl:call-template><a href="index.html"><xsl:call-template name="msg"><xsl:with-param name="key">search.noscript.link</xsl:with-param></xsl:call-template></a><xsl:call-template name="msg"><xsl:with-param name="key">search.noscript.after</xsl:with-param></xsl:call-template></p></noscript>
        <script src="pagefind/pagefind-ui.js"></script>
        <script src="assets/search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
