<?xml version="1.0" encoding="UTF-8"?>
<!-- The index: every document in date order, the undated last (date, type, number,
     parties, summary, languages), from the documents' summaries (summary.xsl), in pages
     of at most 1,000 (index.html, index-p2.html …; pager.xsl); edition.js makes a page's
     table sortable and filterable by words and by type. The parties are the sender and
     addressee of correspondence (cable, letter, report, decree), the participants (else the
     author) of the other types. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="pager.xsl"/>
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:key name="by-type" match="cg:cables/cg:cable" use="@type"/>

  <xsl:template match="/">
    <xsl:variable name="rows" select="//cg:cables/cg:cable"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title"><xsl:call-template name="msg"><xsl:with-param name="key">nav.cables</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current" select="/cg:site/cg:pages/cg:page[@n = ../@current]/@href"/>
      <xsl:with-param name="main">
        <xsl:variable name="range"><xsl:call-template name="page-range"/></xsl:variable>
        <xsl:variable name="types" select="/cg:site/cg:pages/cg:type"/>
        <h1><xsl:call-template name="msg"><xsl:with-param name="key">nav.cables</xsl:with-param></xsl:call-template></h1>
        <p class="intro">
          <xsl:call-template name="msg"><xsl:with-param name="key">count.documents</xsl:with-param><xsl:with-param name="count" select="/cg:site/cg:pages/@total"/></xsl:call-template>
          <xsl:if test="count($types) > 1">
            <xsl:text> (</xsl:text>
            <xsl:for-each select="$types">
              <xsl:sort select="@count" data-type="number" order="descending"/>
              <xsl:sort select="@name"/>
              <xsl:if test="position() > 1">, </xsl:if>
              <xsl:call-template name="type-count">
                <xsl:with-param name="type" select="@name"/>
                <xsl:with-param name="count" select="@count"/>
              </xsl:call-template>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
          </xsl:if>
          <xsl:text>, </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">index.date-order</xsl:with-param></xsl:call-template>
          <xsl:if test="string($range)">; <xsl:call-template name="msg"><xsl:with-param name="key">index.this-page</xsl:with-param><xsl:with-param name="p1" select="$range"/></xsl:call-template></xsl:if>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:call-template name="pager"><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">pager.index-label</xsl:with-param></xsl:call-template></xsl:with-param></xsl:call-template>
        <div class="filters" hidden="hidden">
          <p class="filter">
            <label for="filter"><xsl:choose><xsl:when test="string($range)"><xsl:call-template name="msg"><xsl:with-param name="key">index.filter-page</xsl:with-param></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">index.filter-list</xsl:with-param></xsl:call-template></xsl:otherwise></xsl:choose></label>
            <xsl:variable name="placeholder"><xsl:call-template name="msg"><xsl:with-param name="key">index.filter-placeholder</xsl:with-param></xsl:call-template></xsl:variable>
            <input type="search" id="filter" data-filter="cables" placeholder="{$placeholder}"/>
          </p>
          <p class="filter">
            <label for="type-filter"><xsl:call-template name="msg"><xsl:with-param name="key">meta.type</xsl:with-param></xsl:call-template></label>
            <select id="type-filter" data-filter="type">
              <option value=""><xsl:call-template name="msg"><xsl:with-param name="key">index.all-types</xsl:with-param><xsl:with-param name="p1" select="count($rows)"/></xsl:call-template></option>
              <!-- the types of this page's documents, each once -->
              <xsl:for-each select="$rows[generate-id() = generate-id(key('by-type', @type)[1])]">
                <xsl:sort select="@type"/>
                <option value="{@type}"><xsl:value-of select="cg:type-label"/> (<xsl:value-of select="count(key('by-type', @type))"/>)</option>
              </xsl:for-each>
            </select>
          </p>
          <xsl:variable name="shown"><xsl:call-template name="msg"><xsl:with-param name="key">index.shown</xsl:with-param><xsl:with-param name="p1" select="'{1}'"/><xsl:with-param name="p2" select="'{2}'"/></xsl:call-template></xsl:variable>
          <p class="filter-count" role="status" aria-live="polite" data-template="{$shown}"></p>
        </div>
        <table class="cables sortable" id="cables">
          <caption class="sr-only"><xsl:choose><xsl:when test="string($range)"><xsl:call-template name="msg"><xsl:with-param name="key">index.caption-range</xsl:with-param><xsl:with-param name="p1" select="$range"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">index.caption-all</xsl:with-param></xsl:call-template></xsl:otherwise></xsl:choose></caption>
          <thead>
            <tr>
              <th scope="col" aria-sort="ascending"><button type="button" data-sort="0"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.date</xsl:with-param></xsl:call-template></button></th>
              <th scope="col"><button type="button" data-sort="1"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.type</xsl:with-param></xsl:call-template></button></th>
              <th scope="col"><button type="button" data-sort="2"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.no</xsl:with-param></xsl:call-template></button></th>
              <th scope="col"><button type="button" data-sort="3"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.parties</xsl:with-param></xsl:call-template></button></th>
              <th scope="col"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.summary</xsl:with-param></xsl:call-template></th>
              <th scope="col"><button type="button" data-sort="5"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.languages</xsl:with-param></xsl:call-template></button></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$rows">
              <xsl:sort select="string(@when = '')"/><!-- the undated last -->
              <xsl:sort select="@when"/>
              <xsl:sort select="cg:number"/>
              <tr>
                <td data-value="{@when}">
                  <xsl:if test="@when = ''"><xsl:attribute name="data-value">undated</xsl:attribute></xsl:if>
                  <xsl:choose>
                    <xsl:when test="cg:date/@when"><time datetime="{cg:date/@when}"><xsl:value-of select="cg:date"/></time></xsl:when>
                    <xsl:otherwise><span class="date"><xsl:value-of select="cg:date"/></span></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="cg:date-value and not(cg:date/@normalised)">
                    <span class="normalised"><xsl:value-of select="concat(' (', cg:date-value, ')')"/></span>
                  </xsl:if>
                </td>
                <td data-type="{@type}"><xsl:value-of select="cg:type-label"/></td>
                <td><xsl:value-of select="cg:number"/></td>
                <td>
                  <a href="{@id}.html"><xsl:call-template name="parties"/></a>
                </td>
                <td><xsl:value-of select="cg:summary"/></td>
                <td>
                  <xsl:for-each select="cg:language">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <span lang="{$ui-lang}"><xsl:call-template name="language-name"><xsl:with-param name="ident" select="@ident"/><xsl:with-param name="name" select="string(.)"/></xsl:call-template></span>
                  </xsl:for-each>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="parties">
    <xsl:variable name="correspondence" select="(cg:from or cg:to) and (@type = 'cable' or @type = 'letter' or @type = 'report' or @type = 'decree' or not(cg:participant or cg:author))"/>
    <xsl:choose>
      <xsl:when test="$correspondence">
        <xsl:for-each select="cg:from"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
        <xsl:text> → </xsl:text>
        <xsl:for-each select="cg:to"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
        <xsl:for-each select="cg:to-note"> [<xsl:value-of select="."/>]</xsl:for-each>
      </xsl:when>
      <xsl:when test="cg:participant">
        <xsl:for-each select="cg:participant"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
      </xsl:when>
      <xsl:when test="cg:author">
        <xsl:for-each select="cg:author"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
      </xsl:when>
      <!-- no party known: the link still needs words -->
      <xsl:otherwise><xsl:value-of select="cg:title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
