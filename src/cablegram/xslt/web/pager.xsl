<?xml version="1.0" encoding="UTF-8"?>
<!-- The pager of a list of cables too long for one page (the index, an entry's mentions):
     the input's cg:pages says which pages there are (file, positions, first and last
     date) and which one this is. One page: nothing. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="cg">
  <xsl:import href="../common/messages.xsl"/>

  <!-- "1,001–2,000 of 10,000" for this page; empty when the list has one page. -->
  <xsl:template name="page-range">
    <xsl:variable name="pages" select="/cg:site/cg:pages"/>
    <xsl:variable name="this" select="$pages/cg:page[@n = $pages/@current]"/>
    <xsl:if test="count($pages/cg:page) > 1">
      <xsl:variable name="first"><xsl:call-template name="number"><xsl:with-param name="n" select="$this/@first"/></xsl:call-template></xsl:variable>
      <xsl:variable name="last"><xsl:call-template name="number"><xsl:with-param name="n" select="$this/@last"/></xsl:call-template></xsl:variable>
      <xsl:variable name="total"><xsl:call-template name="number"><xsl:with-param name="n" select="$pages/@total"/></xsl:call-template></xsl:variable>
      <xsl:call-template name="msg"><xsl:with-param name="key">pager.range</xsl:with-param><xsl:with-param name="p1" select="$first"/><xsl:with-param name="p2" select="$last"/><xsl:with-param name="p3" select="$total"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pager">
    <xsl:param name="label"/>
    <xsl:variable name="pages" select="/cg:site/cg:pages"/>
    <xsl:variable name="current" select="number($pages/@current)"/>
    <xsl:if test="count($pages/cg:page) > 1">
      <nav class="pager" aria-label="{$label}">
        <ol>
          <xsl:for-each select="$pages/cg:page">
            <li>
              <xsl:choose>
                <xsl:when test="number(@n) = $current">
                  <span aria-current="page"><xsl:call-template name="pager-item"/></span>
                </xsl:when>
                <xsl:otherwise>
                  <a href="{@href}">
                    <xsl:if test="number(@n) = $current - 1"><xsl:attribute name="rel">prev</xsl:attribute></xsl:if>
                    <xsl:if test="number(@n) = $current + 1"><xsl:attribute name="rel">next</xsl:attribute></xsl:if>
                    <xsl:call-template name="pager-item"/>
                  </a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pager-item">
    <span class="page-n"><xsl:call-template name="msg"><xsl:with-param name="key">pager.page</xsl:with-param><xsl:with-param name="p1" select="@n"/></xsl:call-template></span>
    <xsl:text> </xsl:text>
    <span class="page-dates">
      <xsl:value-of select="@start"/>
      <xsl:if test="@end != @start"> – <xsl:value-of select="@end"/></xsl:if>
    </span>
  </xsl:template>
</xsl:stylesheet>
