<?xml version="1.0" encoding="UTF-8"?>
<!-- Search: every version of every document in its own language's Pagefind index
     (render.search), with facets, an order, and every spelling of a name. The words the
     script shows are carried here, in the interface's language, as data-msg-* attributes.
     Without JavaScript the page points to the index of documents. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <!-- The facets: the key of Pagefind's filter, and the message that labels it. -->
  <xsl:variable name="facets" select="'type year sender addressee person place organisation'"/>
  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title"><xsl:call-template name="msg"><xsl:with-param name="key">nav.search</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">search.html</xsl:with-param>
      <xsl:with-param name="main">
        <h1><xsl:call-template name="msg"><xsl:with-param name="key">nav.search</xsl:with-param></xsl:call-template></h1>
        <p><xsl:call-template name="msg"><xsl:with-param name="key">search.intro</xsl:with-param></xsl:call-template></p>
        <form id="search" class="search" role="search" hidden="hidden">
          <xsl:call-template name="script-words"><xsl:with-param name="keys" select="'short none count searching also undated'"/></xsl:call-template>
          <p class="search-box">
            <label for="search-words"><xsl:call-template name="msg"><xsl:with-param name="key">search.words</xsl:with-param></xsl:call-template></label>
            <input type="search" id="search-words" name="q" autocomplete="off" spellcheck="false"/>
          </p>
          <div class="search-options">
            <p>
              <label for="search-language"><xsl:call-template name="msg"><xsl:with-param name="key">search.language</xsl:with-param></xsl:call-template></label>
              <select id="search-language" name="lang">
                <option value=""><xsl:call-template name="msg"><xsl:with-param name="key">search.any</xsl:with-param></xsl:call-template></option>
              </select>
            </p>
            <xsl:call-template name="facet"><xsl:with-param name="keys" select="$facets"/></xsl:call-template>
            <p>
              <label for="search-sort"><xsl:call-template name="msg"><xsl:with-param name="key">search.sort</xsl:with-param></xsl:call-template></label>
              <select id="search-sort" name="sort">
                <option value=""><xsl:call-template name="msg"><xsl:with-param name="key">search.sort.relevance</xsl:with-param></xsl:call-template></option>
                <option value="asc"><xsl:call-template name="msg"><xsl:with-param name="key">search.sort.asc</xsl:with-param></xsl:call-template></option>
                <option value="desc"><xsl:call-template name="msg"><xsl:with-param name="key">search.sort.desc</xsl:with-param></xsl:call-template></option>
              </select>
            </p>
          </div>
          <p class="search-status" role="status" aria-live="polite"></p>
          <ol class="search-results"></ol>
          <p><button type="button" class="search-more" hidden="hidden"><xsl:call-template name="msg"><xsl:with-param name="key">search.more</xsl:with-param></xsl:call-template></button></p>
        </form>
        <noscript><p><xsl:call-template name="msg"><xsl:with-param name="key">search.noscript.before</xsl:with-param></xsl:call-template><a href="index.html"><xsl:call-template name="msg"><xsl:with-param name="key">search.noscript.link</xsl:with-param></xsl:call-template></a><xsl:call-template name="msg"><xsl:with-param name="key">search.noscript.after</xsl:with-param></xsl:call-template></p></noscript>
        <script src="assets/vendor/snowball-stemmers.js"></script>
        <script src="assets/search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A select per facet of `keys` (space-separated); the script fills its values. -->
  <xsl:template name="facet">
    <xsl:param name="keys"/>
    <xsl:variable name="key" select="substring-before(concat($keys, ' '), ' ')"/>
    <xsl:if test="$key">
      <p class="facet">
        <label for="facet-{$key}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('search.facet.', $key)"/></xsl:call-template></label>
        <select id="facet-{$key}" name="{$key}" data-facet="{$key}">
          <option value=""><xsl:call-template name="msg"><xsl:with-param name="key">search.any</xsl:with-param></xsl:call-template></option>
        </select>
      </p>
      <xsl:call-template name="facet"><xsl:with-param name="keys" select="substring-after($keys, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The script's words: data-msg-KEY on the form, from the message search.KEY, for
       each KEY of `keys` (space-separated). -->
  <xsl:template name="script-words">
    <xsl:param name="keys"/>
    <xsl:variable name="key" select="substring-before(concat($keys, ' '), ' ')"/>
    <xsl:if test="$key">
      <xsl:attribute name="data-msg-{$key}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('search.', $key)"/><xsl:with-param name="p1" select="'{1}'"/></xsl:call-template></xsl:attribute>
      <xsl:call-template name="script-words"><xsl:with-param name="keys" select="substring-after($keys, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
