<?xml version="1.0" encoding="UTF-8"?>
<!-- The index: every cable in date order (date, number, sender -> addressee, summary,
     languages), from the cables' summaries (summary.xsl), in pages of at most 1,000 cables
     (index.html, index-p2.html …; pager.xsl); edition.js makes a page's table sortable and
     filterable. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="pager.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title">Cables</xsl:with-param>
      <xsl:with-param name="current" select="/cg:site/cg:pages/cg:page[@n = ../@current]/@href"/>
      <xsl:with-param name="main">
        <xsl:variable name="range"><xsl:call-template name="page-range"/></xsl:variable>
        <h1>Cables</h1>
        <p class="intro">
          <xsl:value-of select="format-number(/cg:site/cg:pages/@total, '#,##0')"/>
          <xsl:text> documents, in date order</xsl:text>
          <xsl:if test="string($range)">; this page: <xsl:value-of select="$range"/></xsl:if>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:call-template name="pager"><xsl:with-param name="label">Pages of the list of cables</xsl:with-param></xsl:call-template>
        <p class="filter" hidden="hidden">
          <label for="filter"><xsl:choose><xsl:when test="string($range)">Filter this page</xsl:when><xsl:otherwise>Filter the list</xsl:otherwise></xsl:choose></label>
          <input type="search" id="filter" data-filter="cables" placeholder="a name, a number, a word"/>
        </p>
        <table class="cables sortable" id="cables">
          <caption class="sr-only"><xsl:choose><xsl:when test="string($range)">Cables <xsl:value-of select="$range"/></xsl:when><xsl:otherwise>All cables of the edition</xsl:otherwise></xsl:choose></caption>
          <thead>
            <tr>
              <th scope="col" aria-sort="ascending"><button type="button" data-sort="0">Date</button></th>
              <th scope="col"><button type="button" data-sort="1">No.</button></th>
              <th scope="col"><button type="button" data-sort="2">From → To</button></th>
              <th scope="col">Summary</th>
              <th scope="col"><button type="button" data-sort="4">Languages</button></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="//cg:cables/cg:cable">
              <xsl:sort select="@when"/>
              <xsl:sort select="cg:number"/>
              <tr>
                <td data-value="{@when}"><time datetime="{@when}"><xsl:value-of select="cg:date"/></time></td>
                <td><xsl:value-of select="cg:number"/></td>
                <td>
                  <a href="{@id}.html">
                    <xsl:for-each select="cg:from"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
                    <xsl:text> → </xsl:text>
                    <xsl:for-each select="cg:to"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
                    <xsl:for-each select="cg:to-note"> [<xsl:value-of select="."/>]</xsl:for-each>
                  </a>
                </td>
                <td><xsl:value-of select="cg:summary"/></td>
                <td>
                  <xsl:for-each select="cg:language">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <span lang="en"><xsl:value-of select="."/></span>
                  </xsl:for-each>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
