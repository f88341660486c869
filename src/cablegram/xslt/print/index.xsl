<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition's indexes of persons, places and organisations: paged HTML for
  WeasyPrint, laid out after the volume whose pages they give (render/print_index.py).
  Input: a cg:site holding the authority files (cg:authority) and, in cg:index, the pages
  of each entry the text names, as render/print_index.py counted them on the volume's
  layout:
    <cg:entry ref="stalin"><cg:range first="6" last="9" anchor="m-…"/>…</cg:entry>
  and for the index of the whole edition, by volume:
    <cg:entry ref="stalin"><cg:volume n="2"><cg:range first="14" last="15"/></cg:volume>…</cg:entry>
  $edition = 'yes': the index of the whole edition, a document of its own with a title.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="edition-title" select="'Untitled edition'"/>
  <xsl:param name="css" select="'print.css'"/>
  <xsl:param name="edition" select="'no'"/>

  <xsl:key name="pages" match="cg:index/cg:entry" use="@ref"/>

  <xsl:template match="/">
    <html lang="{$ui-lang}">
      <head>
        <meta charset="utf-8"/>
        <title>
          <xsl:value-of select="$edition-title"/>
          <xsl:if test="$edition = 'yes'">. <xsl:call-template name="msg"><xsl:with-param name="key">print.edition-index</xsl:with-param></xsl:call-template></xsl:if>
        </title>
        <meta name="generator" content="cablegram"/>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body>
        <xsl:if test="$edition = 'yes'">
          <section class="title-page">
            <h1 class="volume-title"><xsl:value-of select="$edition-title"/></h1>
            <p class="volume-label"><xsl:call-template name="msg"><xsl:with-param name="key">print.edition-index</xsl:with-param></xsl:call-template></p>
            <p class="imprint"><xsl:call-template name="msg"><xsl:with-param name="key">print.edition-index.note</xsl:with-param></xsl:call-template></p>
          </section>
        </xsl:if>
        <xsl:call-template name="section">
          <xsl:with-param name="section">persons</xsl:with-param>
          <xsl:with-param name="entries" select="//cg:authority//tei:person[@xml:id]"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="section">places</xsl:with-param>
          <xsl:with-param name="entries" select="//cg:authority//tei:place[@xml:id]"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="section">orgs</xsl:with-param>
          <xsl:with-param name="entries" select="//cg:authority//tei:org[@xml:id]"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- One index: its entries that have pages, by surname where the preferred name marks
       one ("Stalin Joseph Stalin"), whatever the case ("CPSU" after "Chinese"). -->
  <xsl:template name="section">
    <xsl:param name="section"/>
    <xsl:param name="entries"/>
    <xsl:variable name="listed" select="$entries[key('pages', @xml:id)]"/>
    <xsl:if test="$listed">
      <section class="index" id="index-{$section}">
        <h1 class="matter"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('print.index.', $section)"/></xsl:call-template></h1>
        <xsl:for-each select="$listed">
          <xsl:sort select="translate(normalize-space(concat(*[@type='preferred'][@xml:lang='en']/tei:surname, ' ', *[@type='preferred'][@xml:lang='en'])), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
          <p class="entry">
            <span class="term"><xsl:call-template name="index-name"/></span>
            <xsl:if test="*[@type='preferred'][@xml:lang='ru']"> (<span lang="ru"><xsl:value-of select="normalize-space(*[@type='preferred'][@xml:lang='ru'])"/></span>)</xsl:if>
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="key('pages', @xml:id)/*"/>
          </p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "2: 14–15, 18; 3: 7" -->
  <xsl:template match="cg:volume">
    <xsl:if test="position() > 1">; </xsl:if>
    <span class="volume"><xsl:value-of select="@n"/></span>
    <xsl:text>: </xsl:text>
    <xsl:apply-templates select="cg:range"/>
  </xsl:template>

  <!-- "6–9", a link to the first mention on its first page where the layout gave one -->
  <xsl:template match="cg:range">
    <xsl:if test="position() > 1">, </xsl:if>
    <xsl:variable name="pages">
      <xsl:value-of select="@first"/>
      <xsl:if test="@last != @first">–<xsl:value-of select="@last"/></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@anchor"><a class="page" href="#{@anchor}"><xsl:value-of select="$pages"/></a></xsl:when>
      <xsl:otherwise><span class="page"><xsl:value-of select="$pages"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
