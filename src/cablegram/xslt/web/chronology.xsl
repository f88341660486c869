<?xml version="1.0" encoding="UTF-8"?>
<!-- The chronology (chronology.html): how many documents each year and month holds, each
     count a link to its heading in the index (on the index's page where it begins), with a
     bar of its share of the busiest month, to see at a glance where the documents are. The
     input (render.summaries' chronology) is one element per year and month, so the page
     stays small however large the corpus: a few hundred links for 10,000 documents. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="cg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="calendar.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="heading"><xsl:call-template name="msg"><xsl:with-param name="key">nav.chronology</xsl:with-param></xsl:call-template></xsl:variable>
    <xsl:variable name="years" select="/cg:site/cg:chronology/cg:year"/>
    <!-- the busiest month's count: each month's bar is its share of it -->
    <xsl:variable name="most">
      <xsl:for-each select="$years/cg:month">
        <xsl:sort select="@count" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@count"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="current">chronology.html</xsl:with-param>
      <xsl:with-param name="main">
        <h1><xsl:value-of select="$heading"/></h1>
        <p class="intro">
          <xsl:call-template name="msg"><xsl:with-param name="key">count.documents</xsl:with-param><xsl:with-param name="count" select="sum($years/@count)"/></xsl:call-template>
          <xsl:text>. </xsl:text>
          <xsl:call-template name="msg"><xsl:with-param name="key">chronology.intro</xsl:with-param></xsl:call-template>
        </p>
        <xsl:for-each select="$years">
          <xsl:variable name="id"><xsl:call-template name="year-id"><xsl:with-param name="when" select="@n"/></xsl:call-template></xsl:variable>
          <section class="year" id="{$id}" aria-labelledby="{$id}-h">
            <h2 id="{$id}-h">
              <a href="{@href}">
                <xsl:choose>
                  <xsl:when test="@n = ''"><xsl:call-template name="msg"><xsl:with-param name="key">index.undated</xsl:with-param></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@n"/></xsl:otherwise>
                </xsl:choose>
              </a>
              <xsl:text> </xsl:text>
              <span class="count"><xsl:call-template name="msg"><xsl:with-param name="key">count.documents</xsl:with-param><xsl:with-param name="count" select="@count"/></xsl:call-template></span>
            </h2>
            <xsl:if test="cg:month">
              <ul class="months">
                <xsl:for-each select="cg:month">
                  <li data-month="{../@n}-{@n}"><a href="{@href}"><xsl:call-template name="month-name"><xsl:with-param name="when" select="concat(../@n, '-', @n)"/></xsl:call-template></a><xsl:text> </xsl:text><span class="count"><xsl:value-of select="@count"/></span><span class="bar" aria-hidden="true" style="--share: {format-number(@count div $most, '0.###')}"></span></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
