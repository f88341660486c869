<?xml version="1.0" encoding="UTF-8"?>
<!-- Links to addresses outside the edition, shared by every stylesheet. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- A URL the data gives (a ref's target, a source's address) is a link only when it is
       http or https as a browser reads it (case, the spaces around it and any tab or line
       break inside ignored); anything else (javascript:, data:, vbscript:, a relative path
       into nowhere) stays text, so a TEI file cannot put a script into a page. -->
  <xsl:template name="web-link">
    <xsl:param name="url"/>
    <xsl:param name="label"/>
    <xsl:variable name="bare" select="translate(normalize-space($url), '&#9;&#10;&#13;', '')"/>
    <xsl:variable name="scheme" select="translate(substring-before($bare, '//'), 'HTPS', 'htps')"/>
    <xsl:choose>
      <xsl:when test="$scheme = 'http:' or $scheme = 'https:'">
        <a href="{$bare}" rel="noopener"><xsl:copy-of select="$label"/></a>
      </xsl:when>
      <xsl:otherwise><span class="url"><xsl:copy-of select="$label"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
