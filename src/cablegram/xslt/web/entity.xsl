<?xml version="1.0" encoding="UTF-8"?>
<!-- One authority entry's page (person-stalin.html …): its names, dates, ids, coordinates
     and notes (entry.xsl), and links to every cable and passage that mentions it, in date
     order, under a heading for each year. The input holds the entry
     (cg:authority) and the summaries of the cables that mention it, with those mentions
     only, in pages of at most 1,000 cables (person-stalin.html, person-stalin-p2.html …;
     pager.xsl): each page, and the memory to make it, stays small however large the
     corpus. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="entry.xsl"/>
  <xsl:import href="pager.xsl"/>
  <xsl:import href="calendar.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- the cables of this page by year ('' for the undated) -->
  <xsl:key name="by-year" match="cg:cables/cg:cable" use="substring(@when, 1, 4)"/>

  <xsl:template match="/">
    <xsl:variable name="entry" select="/cg:site/cg:authority/*"/>
    <xsl:variable name="list">
      <xsl:choose>
        <xsl:when test="local-name($entry) = 'place'">places.html</xsl:when>
        <xsl:when test="local-name($entry) = 'org'">orgs.html</xsl:when>
        <xsl:otherwise>persons.html</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$entry/*[@type='preferred'][@xml:lang='en']"/>
      <xsl:with-param name="current" select="$list"/>
      <xsl:with-param name="main">
        <xsl:for-each select="$entry">
          <section class="entry" id="{@xml:id}" aria-labelledby="{@xml:id}-h">
            <h1 id="{@xml:id}-h"><xsl:call-template name="entry-name"/></h1>
            <xsl:call-template name="entry-details"/>
            <xsl:for-each select="tei:note[normalize-space()]">
              <p class="note"><xsl:value-of select="normalize-space(.)"/></p>
            </xsl:for-each>
            <p class="back"><a href="{$list}#{@xml:id}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('entry.all-', substring-before($list, '.'))"/></xsl:call-template></a></p>
            <xsl:variable name="cables" select="number(/cg:site/cg:pages/@total)"/>
            <xsl:variable name="range"><xsl:call-template name="page-range"/></xsl:variable>
            <h2><xsl:call-template name="msg"><xsl:with-param name="key">entry.mentioned-in-cables</xsl:with-param><xsl:with-param name="count" select="$cables"/></xsl:call-template></h2>
            <xsl:if test="string($range)"><p class="intro"><xsl:call-template name="msg"><xsl:with-param name="key">entry.this-page</xsl:with-param><xsl:with-param name="p1" select="$range"/></xsl:call-template></p></xsl:if>
            <xsl:call-template name="pager"><xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">pager.entry-label</xsl:with-param></xsl:call-template></xsl:with-param></xsl:call-template>
            <!-- the cables come in date order (render.summaries), the undated last; the
                 years of this page first, each a link to its heading -->
            <xsl:variable name="firsts" select="/cg:site/cg:cables/cg:cable[generate-id() = generate-id(key('by-year', substring(@when, 1, 4))[1])]"/>
            <xsl:if test="count($firsts) > 1">
              <xsl:variable name="jump"><xsl:call-template name="msg"><xsl:with-param name="key">entry.years-label</xsl:with-param></xsl:call-template></xsl:variable>
              <nav class="jump" aria-label="{$jump}">
                <ul class="years">
                  <xsl:for-each select="$firsts">
                    <xsl:variable name="year-id"><xsl:call-template name="year-id"><xsl:with-param name="when" select="@when"/></xsl:call-template></xsl:variable>
                    <li><a href="#{$year-id}">
                      <xsl:choose>
                        <xsl:when test="@when = ''"><xsl:call-template name="msg"><xsl:with-param name="key">index.undated</xsl:with-param></xsl:call-template></xsl:when>
                        <xsl:otherwise><xsl:value-of select="substring(@when, 1, 4)"/></xsl:otherwise>
                      </xsl:choose>
                    </a><xsl:value-of select="concat(' (', count(key('by-year', substring(@when, 1, 4))), ')')"/></li>
                  </xsl:for-each>
                </ul>
              </nav>
            </xsl:if>
            <xsl:for-each select="$firsts">
              <xsl:variable name="year" select="substring(@when, 1, 4)"/>
              <xsl:variable name="year-id"><xsl:call-template name="year-id"><xsl:with-param name="when" select="@when"/></xsl:call-template></xsl:variable>
              <h3 class="mentions-year" id="{$year-id}">
                <xsl:choose>
                  <xsl:when test="$year = ''"><xsl:call-template name="msg"><xsl:with-param name="key">index.undated</xsl:with-param></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$year"/></xsl:otherwise>
                </xsl:choose>
              </h3>
              <ul class="mentions">
                <xsl:for-each select="key('by-year', $year)">
                  <li>
                    <xsl:if test="@when != ''"><time datetime="{@when}"><xsl:value-of select="@when"/></time><xsl:text> </xsl:text></xsl:if>
                    <a href="{@id}.html"><xsl:value-of select="cg:title"/></a>
                    <xsl:text>: </xsl:text>
                    <xsl:for-each select="cg:mention">
                      <xsl:if test="position() > 1">, </xsl:if>
                      <a class="passage" href="{../@id}.html#{@anchor}"><span lang="{@lang}"><xsl:value-of select="."/></span></a>
                    </xsl:for-each>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:for-each>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
