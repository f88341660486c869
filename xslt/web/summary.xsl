<?xml version="1.0" encoding="UTF-8"?>
<!-- What the pages spanning the corpus need of one cable, and nothing more: its row of the
     index and its names with the passages they stand in. Made on the worker that renders
     the cable's page, so that the index and entity pages read a small record per cable
     (about a twentieth of the TEI) instead of every document: their memory stays small at
     10,000 cables. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="sent" select="tei:teiHeader//tei:correspAction[@type='sent']"/>
    <xsl:variable name="received" select="tei:teiHeader//tei:correspAction[@type='received']"/>
    <cg:cable id="{@xml:id}" when="{$sent/tei:date/@when}">
      <cg:title><xsl:apply-templates select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></cg:title>
      <cg:date><xsl:value-of select="$sent/tei:date"/></cg:date>
      <cg:number><xsl:value-of select="$sent/tei:idno"/></cg:number>
      <xsl:for-each select="$sent/tei:persName | $sent/tei:orgName"><cg:from><xsl:value-of select="."/></cg:from></xsl:for-each>
      <xsl:for-each select="$received/tei:persName | $received/tei:orgName"><cg:to><xsl:value-of select="."/></cg:to></xsl:for-each>
      <xsl:for-each select="$received/tei:note"><cg:to-note><xsl:value-of select="."/></cg:to-note></xsl:for-each>
      <cg:summary><xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:abstract/tei:p"><xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each></cg:summary>
      <xsl:for-each select="tei:text/tei:body/tei:div">
        <xsl:variable name="lang" select="@xml:lang"/>
        <xsl:if test="not(preceding-sibling::tei:div[@xml:lang = $lang])">
          <cg:language><xsl:value-of select="ancestor::tei:TEI//tei:langUsage/tei:language[@ident = $lang]"/></cg:language>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="//tei:*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]">
        <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:item[parent::tei:list[@type='ordered']] or self::tei:ab or self::tei:opener or self::tei:closer][1]"/>
        <cg:mention entry="{substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')}"
                    lang="{ancestor-or-self::*[@xml:lang][1]/@xml:lang}">
          <xsl:attribute name="anchor">
            <xsl:choose>
              <xsl:when test="$block"><xsl:call-template name="block-id"><xsl:with-param name="block" select="$block"/></xsl:call-template></xsl:when>
              <xsl:otherwise>metadata-h</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="."/>
        </cg:mention>
      </xsl:for-each>
    </cg:cable>
  </xsl:template>
</xsl:stylesheet>
