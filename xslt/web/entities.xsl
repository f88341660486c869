<?xml version="1.0" encoding="UTF-8"?>
<!-- Persons, places or organisations ($kind): every authority entry with its forms, and
     links to every cable and passage that mentions it (from the cables' summaries). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="layout.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="kind" select="'person'"/>
  <!-- The cables' names (cg:mention of summary.xsl) by entry, and by entry and cable. -->
  <xsl:key name="mentions" match="cg:mention" use="@entry"/>
  <xsl:key name="mentions-in" match="cg:mention" use="concat(@entry, '|', ../@id)"/>

  <xsl:variable name="heading">
    <xsl:choose>
      <xsl:when test="$kind = 'place'">Places</xsl:when>
      <xsl:when test="$kind = 'org'">Organisations</xsl:when>
      <xsl:otherwise>Persons</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="page">
    <xsl:choose>
      <xsl:when test="$kind = 'place'">places.html</xsl:when>
      <xsl:when test="$kind = 'org'">orgs.html</xsl:when>
      <xsl:otherwise>persons.html</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="current" select="$page"/>
      <xsl:with-param name="main">
        <h1><xsl:value-of select="$heading"/></h1>
        <xsl:for-each select="//cg:authority//tei:*[local-name() = $kind][@xml:id]">
          <xsl:sort select="*[@type='preferred'][@xml:lang='en']"/>
          <xsl:variable name="entry" select="@xml:id"/>
          <xsl:variable name="mentions" select="key('mentions', $entry)"/>
          <section class="entry" id="{$entry}" aria-labelledby="{$entry}-h">
            <h2 id="{$entry}-h">
              <xsl:value-of select="*[@type='preferred'][@xml:lang='en']"/>
              <xsl:if test="*[@type='preferred'][@xml:lang='ru']">
                <xsl:text> · </xsl:text><span lang="ru"><xsl:value-of select="*[@type='preferred'][@xml:lang='ru']"/></span>
              </xsl:if>
            </h2>
            <xsl:if test="tei:occupation"><p class="role"><xsl:value-of select="tei:occupation"/></p></xsl:if>
            <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName"/>
            <xsl:variable name="forms" select="$names[@type != 'preferred' or (@xml:lang != 'en' and @xml:lang != 'ru')]"/>
            <xsl:if test="$forms">
              <p class="forms">Also written:
                <xsl:for-each select="$forms">
                  <xsl:if test="position() > 1">, </xsl:if>
                  <span lang="{@xml:lang}" class="form {@type}"><xsl:value-of select="."/></span>
                  <xsl:if test="@type = 'codename'"> (code name)</xsl:if>
                  <xsl:if test="@type = 'ocr'"> (OCR)</xsl:if>
                </xsl:for-each>
              </p>
            </xsl:if>
            <xsl:if test="tei:idno[@type='wikidata']">
              <p class="authority">Wikidata: <xsl:value-of select="tei:idno[@type='wikidata']"/></p>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="$mentions">
                <ul class="mentions">
                  <xsl:for-each select="$mentions[generate-id() = generate-id(key('mentions-in', concat($entry, '|', ../@id))[1])]">
                    <xsl:sort select="../@when"/>
                    <xsl:variable name="doc" select=".."/>
                    <li>
                      <a href="{$doc/@id}.html"><xsl:value-of select="$doc/cg:title"/></a>
                      <xsl:text>: </xsl:text>
                      <xsl:for-each select="key('mentions-in', concat($entry, '|', $doc/@id))">
                        <xsl:if test="position() > 1">, </xsl:if>
                        <a class="passage" href="{$doc/@id}.html#{@anchor}"><span lang="{@lang}"><xsl:value-of select="."/></span></a>
                      </xsl:for-each>
                    </li>
                  </xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:otherwise><p class="none">Not mentioned in the documents of this edition.</p></xsl:otherwise>
            </xsl:choose>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
