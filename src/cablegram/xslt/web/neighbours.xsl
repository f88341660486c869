<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's neighbours in the index's order (by date, number, name; the undated
     last): the previous and next document, as <link rel="prev|next"> in the head and as
     links on the page. cablegram passes them (render.web: known from the summaries before
     any page is rendered); none at either end of the corpus, and none when a page is
     rendered alone (serve). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/messages.xsl"/>

  <xsl:param name="prev-id" select="''"/>
  <xsl:param name="prev-date" select="''"/>
  <xsl:param name="prev-title" select="''"/>
  <xsl:param name="next-id" select="''"/>
  <xsl:param name="next-date" select="''"/>
  <xsl:param name="next-title" select="''"/>

  <xsl:template name="neighbour-links">
    <xsl:if test="$prev-id != ''"><link rel="prev" href="{$prev-id}.html"/></xsl:if>
    <xsl:if test="$next-id != ''"><link rel="next" href="{$next-id}.html"/></xsl:if>
  </xsl:template>

  <xsl:template name="neighbour-nav">
    <xsl:if test="$prev-id != '' or $next-id != ''">
      <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key">neighbours.label</xsl:with-param></xsl:call-template></xsl:variable>
      <nav class="neighbours" aria-label="{$label}" data-pagefind-ignore="all">
        <xsl:if test="$prev-id != ''">
          <a class="prev" rel="prev" href="{$prev-id}.html">
            <span class="which"><xsl:call-template name="msg"><xsl:with-param name="key">neighbours.prev</xsl:with-param></xsl:call-template></span>
            <xsl:text> </xsl:text><span class="date"><xsl:value-of select="$prev-date"/></span>
            <xsl:text> </xsl:text><span class="title"><xsl:value-of select="normalize-space($prev-title)"/></span>
          </a>
        </xsl:if>
        <xsl:if test="$next-id != ''">
          <a class="next" rel="next" href="{$next-id}.html">
            <span class="which"><xsl:call-template name="msg"><xsl:with-param name="key">neighbours.next</xsl:with-param></xsl:call-template></span>
            <xsl:text> </xsl:text><span class="date"><xsl:value-of select="$next-date"/></span>
            <xsl:text> </xsl:text><span class="title"><xsl:value-of select="normalize-space($next-title)"/></span>
          </a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
