<?xml version="1.0" encoding="UTF-8"?>
<!-- The page shell of the web edition: head, skip link, navigation, landmarks, footer.
     Every asset is local (assets/); no request leaves the site. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/links.xsl"/>
  <xsl:import href="../common/messages.xsl"/>

  <!-- What the edition says of itself (cablegram.toml [edition]; cablegram passes them) -->
  <xsl:param name="edition-title" select="'Untitled edition'"/>
  <xsl:param name="edition-subtitle" select="''"/>
  <xsl:param name="edition-editors" select="''"/>
  <xsl:param name="edition-publisher" select="''"/>
  <xsl:param name="edition-licence" select="''"/>
  <xsl:param name="edition-licence-url" select="''"/>
  <xsl:param name="edition-base-url" select="''"/>
  <xsl:param name="edition-css" select="''"/>
  <xsl:param name="generator" select="'cablegram'"/>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="current"/>
    <xsl:param name="main"/>
    <xsl:param name="search" select="true()"/>
    <!-- elements of the head a page adds (a redirect page's refresh and canonical link) -->
    <xsl:param name="head"/>
    <html lang="{$ui-lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{$generator}"/>
        <xsl:if test="$edition-editors != ''"><meta name="author" content="{$edition-editors}"/></xsl:if>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$edition-title"/></title>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="assets/edition.css"/>
        <xsl:if test="$edition-css != ''"><link rel="stylesheet" href="{$edition-css}"/></xsl:if>
        <script src="assets/edition.js" defer="defer"></script>
        <xsl:copy-of select="$head"/>
      </head>
      <body class="mode-reading">
        <a class="skip" href="#main"><xsl:call-template name="msg"><xsl:with-param name="key">skip</xsl:with-param></xsl:call-template></a>
        <header class="site" role="banner">
          <p class="edition"><a href="index.html"><xsl:value-of select="$edition-title"/></a>
            <xsl:if test="$edition-subtitle != ''"><xsl:text> </xsl:text><span class="edition-subtitle"><xsl:value-of select="$edition-subtitle"/></span></xsl:if></p>
          <xsl:variable name="nav-label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.label</xsl:with-param></xsl:call-template></xsl:variable>
          <nav aria-label="{$nav-label}">
            <ul>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">index.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.cables</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">chronology.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.chronology</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">persons.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.persons</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">places.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.places</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">orgs.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.orgs</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">principles.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.principles</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href">search.html</xsl:with-param><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">nav.search</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="current" select="$current"/></xsl:call-template>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:copy-of select="$main"/>
        </main>
        <footer class="site" role="contentinfo">
          <xsl:call-template name="imprint"/>
          <p><xsl:call-template name="msg"><xsl:with-param name="key">footer.made-with</xsl:with-param><xsl:with-param name="p1" select="$generator"/></xsl:call-template></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Who edits and publishes the edition, under which licence, and where it lives -->
  <xsl:template name="imprint">
    <xsl:if test="$edition-editors != '' or $edition-publisher != '' or $edition-licence != ''">
      <p class="imprint">
        <xsl:value-of select="$edition-title"/>
        <xsl:if test="$edition-editors != ''"><xsl:call-template name="msg"><xsl:with-param name="key">imprint.edited-by</xsl:with-param><xsl:with-param name="p1" select="$edition-editors"/></xsl:call-template></xsl:if>
        <xsl:if test="$edition-publisher != ''"><xsl:call-template name="msg"><xsl:with-param name="key">imprint.published-by</xsl:with-param><xsl:with-param name="p1" select="$edition-publisher"/></xsl:call-template></xsl:if>
        <xsl:text>.</xsl:text>
        <xsl:if test="$edition-licence != ''">
          <xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">imprint.licence</xsl:with-param></xsl:call-template><xsl:text> </xsl:text>
          <xsl:call-template name="web-link">
            <xsl:with-param name="url" select="$edition-licence-url"/>
            <xsl:with-param name="label"><span class="licence"><xsl:value-of select="$edition-licence"/></span></xsl:with-param>
          </xsl:call-template>
          <xsl:text>.</xsl:text>
        </xsl:if>
        <xsl:if test="$edition-base-url != ''">
          <xsl:text> </xsl:text>
          <xsl:call-template name="web-link">
            <xsl:with-param name="url" select="$edition-base-url"/>
            <xsl:with-param name="label" select="$edition-base-url"/>
          </xsl:call-template>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <li>
      <a href="{$href}">
        <xsl:if test="$current = $href"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>
</xsl:stylesheet>
