<?xml version="1.0" encoding="UTF-8"?>
<!-- A redirect page: what stands at a document's old address once its id has changed (its
     date, number or sender corrected). The browser goes on to the new page at once; a
     reader whose browser does not follow a refresh has the link. Not for search engines
     (noindex, the canonical link names the new page) and not for Pagefind (no
     data-pagefind-body: Pagefind indexes only the cables' pages). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="old"/>
  <xsl:param name="new"/>
  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title"><xsl:call-template name="msg"><xsl:with-param name="key">moved.title</xsl:with-param><xsl:with-param name="p1" select="$new"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="head">
        <meta http-equiv="refresh" content="0; url={$new}.html"/>
        <link rel="canonical" href="{$new}.html"/>
        <meta name="robots" content="noindex"/>
      </xsl:with-param>
      <xsl:with-param name="main">
        <h1><xsl:call-template name="msg"><xsl:with-param name="key">moved.heading</xsl:with-param></xsl:call-template></h1>
        <p><xsl:call-template name="msg">
          <xsl:with-param name="key">moved.text</xsl:with-param>
          <xsl:with-param name="p1" select="$old"/>
          <xsl:with-param name="p2" select="$new"/>
        </xsl:call-template></p>
        <p><a href="{$new}.html"><xsl:value-of select="$new"/>.html</a></p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
