<?xml version="1.0" encoding="UTF-8"?>
<!-- What the pages spanning the corpus need of one document, and nothing more: its row of
     the index and its names with the passages they stand in. Made on the worker that
     renders the document's page, so that the index and entity pages read a small record
     per document (about a twentieth of the TEI) instead of every document: their memory
     stays small at 10,000 documents.

     @type is the document's type (text/@type; 'cable' for a v1 document, which has none).
     @when is its place in time, an ISO date (YYYY, YYYY-MM or YYYY-MM-DD; empty when it is
     undated): its date's @when, or the start of its span or bounds. The date is the sent
     date of correspondence (cable, letter, report, decree), the date of creation of the
     others, either one when the other is missing. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="profile" select="tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="sent" select="$profile/tei:correspDesc/tei:correspAction[@type='sent']"/>
    <xsl:variable name="received" select="$profile/tei:correspDesc/tei:correspAction[@type='received']"/>
    <xsl:variable name="type"><xsl:call-template name="doc-type"/></xsl:variable>
    <xsl:variable name="by-sent" select="$type = 'cable' or $type = 'letter' or $type = 'report' or $type = 'decree'"/>
    <xsl:variable name="sent-date" select="$sent/tei:date[1]"/>
    <xsl:variable name="created" select="$profile/tei:creation/tei:date[1]"/>
    <xsl:variable name="date" select="$sent-date[$by-sent or not($created)] | $created[not($by-sent) or not($sent-date)]"/>
    <xsl:variable name="when">
      <xsl:choose>
        <xsl:when test="$date/@when"><xsl:value-of select="$date/@when"/></xsl:when>
        <xsl:when test="$date/@from"><xsl:value-of select="$date/@from"/></xsl:when>
        <xsl:when test="$date/@notBefore"><xsl:value-of select="$date/@notBefore"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$date/@notAfter"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <cg:cable id="{@xml:id}" when="{$when}" type="{$type}">
      <cg:title><xsl:apply-templates select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></cg:title>
      <cg:type-label><xsl:call-template name="type-label"><xsl:with-param name="type" select="$type"/></xsl:call-template></cg:type-label>
      <cg:date>
        <xsl:copy-of select="$date/@when | $date/@from | $date/@to | $date/@notBefore | $date/@notAfter | $date/@cert"/>
        <xsl:if test="$date and not(normalize-space($date))"><xsl:attribute name="normalised">yes</xsl:attribute></xsl:if>
        <xsl:choose>
          <xsl:when test="normalize-space($date)"><xsl:value-of select="normalize-space($date)"/></xsl:when>
          <xsl:when test="$date"><xsl:call-template name="date-value"><xsl:with-param name="date" select="$date"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">date.undated</xsl:with-param></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </cg:date>
      <xsl:if test="$date and not(string-length($date/@when) = 10 and not($date/@cert))">
        <cg:date-value><xsl:call-template name="date-value"><xsl:with-param name="date" select="$date"/></xsl:call-template></cg:date-value>
      </xsl:if>
      <cg:number><xsl:value-of select="$sent/tei:idno"/></cg:number>
      <xsl:for-each select="$sent/tei:persName | $sent/tei:orgName"><cg:from><xsl:value-of select="."/></cg:from></xsl:for-each>
      <xsl:for-each select="$received/tei:persName | $received/tei:orgName"><cg:to><xsl:value-of select="."/></cg:to></xsl:for-each>
      <xsl:for-each select="$received/tei:note"><cg:to-note><xsl:value-of select="."/></cg:to-note></xsl:for-each>
      <xsl:for-each select="$profile/tei:particDesc//tei:person"><cg:participant><xsl:value-of select="normalize-space(tei:persName[1])"/></cg:participant></xsl:for-each>
      <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author"><cg:author><xsl:value-of select="normalize-space(.)"/></cg:author></xsl:for-each>
      <cg:summary><xsl:for-each select="$profile/tei:abstract/tei:p"><xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each></cg:summary>
      <xsl:for-each select="tei:text/tei:body/tei:div">
        <xsl:variable name="lang" select="@xml:lang"/>
        <xsl:if test="not(preceding-sibling::tei:div[@xml:lang = $lang])">
          <cg:language ident="{$lang}"><xsl:value-of select="ancestor::tei:TEI//tei:langUsage/tei:language[@ident = $lang]"/></cg:language>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="//tei:*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]">
        <!-- the block its anchor names: the same elements as common/text.xsl's block-id (a
             part of an opener or closer, where it has its id) -->
        <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:item[parent::tei:list[not(@type='distribution')]] or self::tei:ab or self::tei:opener or self::tei:closer or self::tei:sp or self::tei:head or (@xml:id and (parent::tei:opener or parent::tei:closer))][1]"/>
        <cg:mention entry="{substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')}"
                    lang="{ancestor-or-self::*[@xml:lang][1]/@xml:lang}">
          <xsl:attribute name="anchor">
            <xsl:choose>
              <xsl:when test="$block and ancestor::tei:text"><xsl:call-template name="block-id"><xsl:with-param name="block" select="$block"/></xsl:call-template></xsl:when>
              <xsl:otherwise>metadata-h</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="."/>
        </cg:mention>
      </xsl:for-each>
    </cg:cable>
  </xsl:template>
</xsl:stylesheet>
