<?xml version="1.0" encoding="UTF-8"?>
<!-- The index: every document in date order, the undated last (date, type, number,
     parties, summary, languages), from the documents' summaries (summary.xsl), in pages
     of at most 1,000 (index.html, index-p2.html …; pager.xsl), under a heading for each
     year and month, with a list of them to jump to. edition.js makes a page's table
     sortable, and filterable by words and by facets: type, year, sender, addressee,
     person, place, version language (each row carries its values as data-* attributes,
     "|a|b|"; the options are this page's values, with how many of its documents have
     each). Below 600px each row is a card. The parties are the sender and addressee of
     correspondence (cable, letter, report, decree), the participants (else the author) of
     the other types. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="pager.xsl"/>
  <xsl:import href="calendar.xsl"/>
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:key name="by-type" match="cg:cables/cg:cable" use="@type"/>
  <!-- the facets' values: a row's year ('undated' for none), names, languages -->
  <xsl:key name="by-year" match="cg:cables/cg:cable" use="concat(substring(@when, 1, 4), substring('undated', 1 div (@when = '')))"/>
  <xsl:key name="by-month" match="cg:cables/cg:cable" use="substring(@when, 1, 7)"/>
  <xsl:key name="by-from" match="cg:cables/cg:cable/cg:from" use="normalize-space(.)"/>
  <xsl:key name="by-to" match="cg:cables/cg:cable/cg:to" use="normalize-space(.)"/>
  <xsl:key name="by-person" match="cg:cables/cg:cable/cg:entry[@kind = 'person']" use="@ref"/>
  <xsl:key name="by-place" match="cg:cables/cg:cable/cg:entry[@kind = 'place']" use="@ref"/>
  <xsl:key name="by-language" match="cg:cables/cg:cable/cg:language" use="@ident"/>

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
        <xsl:call-template name="jump-list"><xsl:with-param name="rows" select="$rows"/></xsl:call-template>
        <div class="filters" hidden="hidden">
          <p class="filter">
            <label for="filter"><xsl:choose><xsl:when test="string($range)"><xsl:call-template name="msg"><xsl:with-param name="key">index.filter-page</xsl:with-param></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">index.filter-list</xsl:with-param></xsl:call-template></xsl:otherwise></xsl:choose></label>
            <xsl:variable name="placeholder"><xsl:call-template name="msg"><xsl:with-param name="key">index.filter-placeholder</xsl:with-param></xsl:call-template></xsl:variable>
            <input type="search" id="filter" data-filter="cables" placeholder="{$placeholder}"/>
          </p>
          <p class="filter">
            <label for="type-filter"><xsl:call-template name="msg"><xsl:with-param name="key">meta.type</xsl:with-param></xsl:call-template></label>
            <select id="type-filter" data-filter="type" data-facet="type">
              <option value=""><xsl:call-template name="msg"><xsl:with-param name="key">index.all-types</xsl:with-param><xsl:with-param name="p1" select="count($rows)"/></xsl:call-template></option>
              <!-- the types of this page's documents, each once -->
              <xsl:for-each select="$rows[generate-id() = generate-id(key('by-type', @type)[1])]">
                <xsl:sort select="@type"/>
                <option value="{@type}"><xsl:value-of select="cg:type-label"/> (<xsl:value-of select="count(key('by-type', @type))"/>)</option>
              </xsl:for-each>
            </select>
          </p>
          <xsl:call-template name="facet">
            <xsl:with-param name="facet">year</xsl:with-param>
            <xsl:with-param name="all" select="count($rows)"/>
            <xsl:with-param name="options">
              <xsl:for-each select="$rows[generate-id() = generate-id(key('by-year', concat(substring(@when, 1, 4), substring('undated', 1 div (@when = ''))))[1])]">
                <xsl:variable name="year" select="concat(substring(@when, 1, 4), substring('undated', 1 div (@when = '')))"/>
                <option value="{$year}">
                  <xsl:choose>
                    <xsl:when test="@when = ''"><xsl:call-template name="msg"><xsl:with-param name="key">index.undated</xsl:with-param></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$year"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:value-of select="concat(' (', count(key('by-year', $year)), ')')"/>
                </option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="facet">
            <xsl:with-param name="facet">from</xsl:with-param>
            <xsl:with-param name="all" select="count($rows)"/>
            <xsl:with-param name="options">
              <xsl:for-each select="$rows/cg:from[generate-id() = generate-id(key('by-from', normalize-space(.))[1])]">
                <xsl:sort select="normalize-space(.)"/>
                <option value="{normalize-space(.)}"><xsl:value-of select="concat(normalize-space(.), ' (', count(key('by-from', normalize-space(.))/..), ')')"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="facet">
            <xsl:with-param name="facet">to</xsl:with-param>
            <xsl:with-param name="all" select="count($rows)"/>
            <xsl:with-param name="options">
              <xsl:for-each select="$rows/cg:to[generate-id() = generate-id(key('by-to', normalize-space(.))[1])]">
                <xsl:sort select="normalize-space(.)"/>
                <option value="{normalize-space(.)}"><xsl:value-of select="concat(normalize-space(.), ' (', count(key('by-to', normalize-space(.))/..), ')')"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="facet">
            <xsl:with-param name="facet">person</xsl:with-param>
            <xsl:with-param name="all" select="count($rows)"/>
            <xsl:with-param name="options">
              <xsl:for-each select="$rows/cg:entry[@kind = 'person'][generate-id() = generate-id(key('by-person', @ref)[1])]">
                <xsl:sort select="."/>
                <option value="{@ref}"><xsl:value-of select="concat(., ' (', count(key('by-person', @ref)), ')')"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="facet">
            <xsl:with-param name="facet">place</xsl:with-param>
            <xsl:with-param name="all" select="count($rows)"/>
            <xsl:with-param name="options">
              <xsl:for-each select="$rows/cg:entry[@kind = 'place'][generate-id() = generate-id(key('by-place', @ref)[1])]">
                <xsl:sort select="."/>
                <option value="{@ref}"><xsl:value-of select="concat(., ' (', count(key('by-place', @ref)), ')')"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="facet">
            <xsl:with-param name="facet">language</xsl:with-param>
            <xsl:with-param name="all" select="count($rows)"/>
            <xsl:with-param name="options">
              <xsl:for-each select="$rows/cg:language[generate-id() = generate-id(key('by-language', @ident)[1])]">
                <xsl:sort select="@ident"/>
                <option value="{@ident}"><xsl:call-template name="language-name"><xsl:with-param name="ident" select="@ident"/><xsl:with-param name="name" select="string(.)"/></xsl:call-template><xsl:value-of select="concat(' (', count(key('by-language', @ident)), ')')"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:variable name="shown"><xsl:call-template name="msg"><xsl:with-param name="key">index.shown</xsl:with-param><xsl:with-param name="p1" select="'{1}'"/><xsl:with-param name="p2" select="'{2}'"/></xsl:call-template></xsl:variable>
          <p class="filter-count" role="status" aria-live="polite" data-template="{$shown}"></p>
        </div>
        <xsl:variable name="col-date"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.date</xsl:with-param></xsl:call-template></xsl:variable>
        <xsl:variable name="col-type"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.type</xsl:with-param></xsl:call-template></xsl:variable>
        <xsl:variable name="col-no"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.no</xsl:with-param></xsl:call-template></xsl:variable>
        <xsl:variable name="col-parties"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.parties</xsl:with-param></xsl:call-template></xsl:variable>
        <xsl:variable name="col-summary"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.summary</xsl:with-param></xsl:call-template></xsl:variable>
        <xsl:variable name="col-languages"><xsl:call-template name="msg"><xsl:with-param name="key">index.col.languages</xsl:with-param></xsl:call-template></xsl:variable>
        <table class="cables sortable" id="cables">
          <caption class="sr-only"><xsl:choose><xsl:when test="string($range)"><xsl:call-template name="msg"><xsl:with-param name="key">index.caption-range</xsl:with-param><xsl:with-param name="p1" select="$range"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">index.caption-all</xsl:with-param></xsl:call-template></xsl:otherwise></xsl:choose></caption>
          <thead>
            <tr>
              <th scope="col" aria-sort="ascending"><button type="button" data-sort="0"><xsl:value-of select="$col-date"/></button></th>
              <th scope="col"><button type="button" data-sort="1"><xsl:value-of select="$col-type"/></button></th>
              <th scope="col"><button type="button" data-sort="2"><xsl:value-of select="$col-no"/></button></th>
              <th scope="col"><button type="button" data-sort="3"><xsl:value-of select="$col-parties"/></button></th>
              <th scope="col"><xsl:value-of select="$col-summary"/></th>
              <th scope="col"><button type="button" data-sort="5"><xsl:value-of select="$col-languages"/></button></th>
            </tr>
          </thead>
          <tbody>
            <!-- the rows come in the index's order (render.summaries): a heading row where
                 the year or the month changes -->
            <xsl:for-each select="$rows">
              <xsl:variable name="before" select="preceding-sibling::cg:cable[1]"/>
              <xsl:variable name="year-id"><xsl:call-template name="year-id"><xsl:with-param name="when" select="@when"/></xsl:call-template></xsl:variable>
              <xsl:variable name="month-id"><xsl:call-template name="month-id"><xsl:with-param name="when" select="@when"/></xsl:call-template></xsl:variable>
              <xsl:if test="not($before) or substring($before/@when, 1, 4) != substring(@when, 1, 4)">
                <tr class="group year" data-group="{$year-id}">
                  <td colspan="6"><h2 id="{$year-id}">
                    <xsl:choose>
                      <xsl:when test="@when = ''"><xsl:call-template name="msg"><xsl:with-param name="key">index.undated</xsl:with-param></xsl:call-template></xsl:when>
                      <xsl:otherwise><xsl:value-of select="substring(@when, 1, 4)"/></xsl:otherwise>
                    </xsl:choose>
                  </h2></td>
                </tr>
              </xsl:if>
              <xsl:if test="@when != '' and (not($before) or substring($before/@when, 1, 7) != substring(@when, 1, 7))">
                <tr class="group month" data-group="{$month-id}">
                  <td colspan="6"><h3 id="{$month-id}"><xsl:call-template name="month-name"><xsl:with-param name="when" select="@when"/></xsl:call-template><xsl:if test="string-length(@when) >= 7"><xsl:value-of select="concat(' ', substring(@when, 1, 4))"/></xsl:if></h3></td>
                </tr>
              </xsl:if>
              <tr data-in="{$year-id} {$month-id}" data-id="{@id}">
                <xsl:attribute name="data-type">|<xsl:value-of select="@type"/>|</xsl:attribute>
                <xsl:attribute name="data-year">|<xsl:value-of select="concat(substring(@when, 1, 4), substring('undated', 1 div (@when = '')))"/>|</xsl:attribute>
                <xsl:attribute name="data-from">|<xsl:for-each select="cg:from"><xsl:value-of select="normalize-space(.)"/>|</xsl:for-each></xsl:attribute>
                <xsl:attribute name="data-to">|<xsl:for-each select="cg:to"><xsl:value-of select="normalize-space(.)"/>|</xsl:for-each></xsl:attribute>
                <xsl:attribute name="data-person">|<xsl:for-each select="cg:entry[@kind = 'person']"><xsl:value-of select="@ref"/>|</xsl:for-each></xsl:attribute>
                <xsl:attribute name="data-place">|<xsl:for-each select="cg:entry[@kind = 'place']"><xsl:value-of select="@ref"/>|</xsl:for-each></xsl:attribute>
                <xsl:attribute name="data-language">|<xsl:for-each select="cg:language"><xsl:value-of select="@ident"/>|</xsl:for-each></xsl:attribute>
                <td data-value="{@when}" data-label="{$col-date}">
                  <xsl:if test="@when = ''"><xsl:attribute name="data-value">undated</xsl:attribute></xsl:if>
                  <xsl:choose>
                    <xsl:when test="cg:date/@when"><time datetime="{cg:date/@when}"><xsl:value-of select="cg:date"/></time></xsl:when>
                    <xsl:otherwise><span class="date"><xsl:value-of select="cg:date"/></span></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="cg:date-value and not(cg:date/@normalised)">
                    <span class="normalised"><xsl:value-of select="concat(' (', cg:date-value, ')')"/></span>
                  </xsl:if>
                </td>
                <td data-type="{@type}" data-label="{$col-type}"><xsl:value-of select="cg:type-label"/></td>
                <td data-label="{$col-no}"><xsl:value-of select="cg:number"/></td>
                <td data-label="{$col-parties}">
                  <a href="{@id}.html"><xsl:call-template name="parties"/></a>
                </td>
                <td data-label="{$col-summary}"><xsl:value-of select="cg:summary"/></td>
                <td data-label="{$col-languages}">
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

  <!-- A facet: a list of this page's values of one kind (`options`, each with how many of
       its documents have it); choosing one shows only those documents. -->
  <xsl:template name="facet">
    <xsl:param name="facet"/>
    <xsl:param name="all"/>
    <xsl:param name="options"/>
    <p class="filter">
      <label for="{$facet}-facet"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('facet.', $facet)"/></xsl:call-template></label><xsl:text> </xsl:text>
      <select id="{$facet}-facet" data-facet="{$facet}">
        <option value=""><xsl:call-template name="msg"><xsl:with-param name="key">facet.all</xsl:with-param><xsl:with-param name="p1" select="$all"/></xsl:call-template></option>
        <xsl:copy-of select="$options"/>
      </select>
    </p>
  </xsl:template>

  <!-- The years and months of this page, each a link to its heading. -->
  <xsl:template name="jump-list">
    <xsl:param name="rows"/>
    <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key">index.jump-label</xsl:with-param></xsl:call-template></xsl:variable>
    <nav class="jump" aria-label="{$label}">
      <ul>
        <xsl:for-each select="$rows[generate-id() = generate-id(key('by-year', concat(substring(@when, 1, 4), substring('undated', 1 div (@when = ''))))[1])]">
          <xsl:variable name="year" select="substring(@when, 1, 4)"/>
          <li>
            <xsl:choose>
              <xsl:when test="@when = ''"><a href="#undated"><xsl:call-template name="msg"><xsl:with-param name="key">index.undated</xsl:with-param></xsl:call-template></a></xsl:when>
              <xsl:otherwise>
                <a href="#y{$year}"><xsl:value-of select="$year"/></a>
                <xsl:text>: </xsl:text>
                <xsl:for-each select="key('by-year', $year)[generate-id() = generate-id(key('by-month', substring(@when, 1, 7))[1])]">
                  <xsl:if test="position() > 1">, </xsl:if>
                  <a href="#m{substring(@when, 1, 7)}"><xsl:call-template name="month-name"><xsl:with-param name="when" select="@when"/></xsl:call-template></a>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
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
