<?xml version="1.0" encoding="UTF-8"?>
<!-- Persons, places or organisations ($kind): every authority entry with its forms, and
     links to every cable and passage that mentions it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="kind" select="'person'"/>
  <xsl:key name="mentions" match="tei:*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]"
           use="substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')"/>
  <!-- One pattern, not a union: libxml2 merges the node-sets of a union pattern in
       quadratic time. Authority files carry no @ref, so only the cables' names match.
       The mentions of an entry in one cable: grouping by entry and document (Muenchian). -->
  <xsl:key name="mentions-in" match="tei:*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]"
           use="concat(substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#'), '|', ancestor::tei:TEI/@xml:id)"/>

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
                  <xsl:for-each select="$mentions[generate-id() = generate-id(key('mentions-in', concat($entry, '|', ancestor::tei:TEI/@xml:id))[1])]">
                    <xsl:sort select="ancestor::tei:TEI/tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when"/>
                    <xsl:variable name="doc" select="ancestor::tei:TEI"/>
                    <li>
                      <a href="{$doc/@xml:id}.html"><xsl:apply-templates select="$doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></a>
                      <xsl:text>: </xsl:text>
                      <xsl:for-each select="key('mentions-in', concat($entry, '|', $doc/@xml:id))">
                        <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:item[parent::tei:list[@type='ordered']] or self::tei:ab or self::tei:opener or self::tei:closer][1]"/>
                        <xsl:if test="position() > 1">, </xsl:if>
                        <a class="passage">
                          <xsl:attribute name="href">
                            <xsl:value-of select="$doc/@xml:id"/><xsl:text>.html#</xsl:text>
                            <xsl:choose>
                              <xsl:when test="$block"><xsl:call-template name="block-id"><xsl:with-param name="block" select="$block"/></xsl:call-template></xsl:when>
                              <xsl:otherwise>metadata-h</xsl:otherwise>
                            </xsl:choose>
                          </xsl:attribute>
                          <span lang="{ancestor-or-self::*[@xml:lang][1]/@xml:lang}"><xsl:value-of select="."/></span>
                        </a>
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
