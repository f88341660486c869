<?xml version="1.0" encoding="UTF-8"?>
<!-- Years and months of the documents' ISO dates (a summary's @when: YYYY, YYYY-MM or
     YYYY-MM-DD; empty when undated), for the index, the chronology and an entry's page:
     their names and the ids of their headings. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/messages.xsl"/>

  <!-- "July" (month.07), or "month not given" for a date of a year alone -->
  <xsl:template name="month-name">
    <xsl:param name="when"/>
    <xsl:choose>
      <xsl:when test="string-length($when) >= 7"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('month.', substring($when, 6, 2))"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">month.unknown</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the id of a year's heading (y1951) or a month's (m1951-07; m1951 for a year alone);
       "undated" for the undated -->
  <xsl:template name="year-id">
    <xsl:param name="when"/>
    <xsl:choose>
      <xsl:when test="$when = ''">undated</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('y', substring($when, 1, 4))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="month-id">
    <xsl:param name="when"/>
    <xsl:choose>
      <xsl:when test="$when = ''">undated</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('m', substring($when, 1, 7))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
