<?xml version="1.0" encoding="UTF-8"?>
<!-- What the entity list (entities.xsl) and an entry's own page (entity.xsl) show of an
     authority entry: its preferred names, role, every other spelling, its Wikidata id. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/messages.xsl"/>

  <!-- The page of an entry: person-stalin.html, place-kaesong.html, org-….html. -->
  <xsl:template name="entry-page">
    <xsl:param name="entry" select="."/>
    <xsl:value-of select="concat(local-name($entry), '-', $entry/@xml:id, '.html')"/>
  </xsl:template>

  <xsl:template name="entry-name">
    <xsl:value-of select="*[@type='preferred'][@xml:lang='en']"/>
    <xsl:if test="*[@type='preferred'][@xml:lang='ru']">
      <xsl:text> · </xsl:text><span lang="ru"><xsl:value-of select="*[@type='preferred'][@xml:lang='ru']"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="entry-details">
    <xsl:if test="tei:occupation"><p class="role"><xsl:value-of select="tei:occupation"/></p></xsl:if>
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName"/>
    <xsl:variable name="forms" select="$names[@type != 'preferred' or (@xml:lang != 'en' and @xml:lang != 'ru')]"/>
    <xsl:if test="$forms">
      <p class="forms"><xsl:call-template name="msg"><xsl:with-param name="key">entry.also-written</xsl:with-param></xsl:call-template><xsl:text>&#10;        </xsl:text>
        <xsl:for-each select="$forms">
          <xsl:if test="position() > 1">, </xsl:if>
          <span lang="{@xml:lang}" class="form {@type}"><xsl:value-of select="."/></span>
          <xsl:if test="@type = 'codename'"> (<xsl:call-template name="msg"><xsl:with-param name="key">entry.codename</xsl:with-param></xsl:call-template>)</xsl:if>
          <xsl:if test="@type = 'ocr'"> (<xsl:call-template name="msg"><xsl:with-param name="key">entry.ocr</xsl:with-param></xsl:call-template>)</xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:if test="tei:idno[@type='wikidata']">
      <p class="authority"><xsl:call-template name="msg"><xsl:with-param name="key">entry.wikidata</xsl:with-param></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="tei:idno[@type='wikidata']"/></p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
